// Length-hiding padding (declared in privacy/padding.h).
#include "privacy/padding.h"

#include <sodium.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <iterator>

namespace pillarbox::privacy {
namespace {

constexpr size_t kLastBucket = std::end(kPaddingBuckets)[-1];

// The block size sodium_pad must use so that `length` bytes land on PaddedLength(length).
size_t BlockSizeFor(size_t length) {
  for (size_t bucket : kPaddingBuckets) {
    if (bucket > length) return bucket;
  }
  return kLastBucket;
}

// True when `padded_length` is a length PaddedLength can return.
bool IsBucketLength(size_t padded_length) {
  for (size_t bucket : kPaddingBuckets) {
    if (bucket == padded_length) return true;
  }
  return padded_length > 0 && padded_length % kLastBucket == 0;
}

}  // namespace

size_t PaddedLength(size_t length) {
  size_t block = BlockSizeFor(length);
  return (length / block + 1) * block;
}

Bytes Pad(ByteView plaintext) {
  Bytes padded(PaddedLength(plaintext.size()));
  std::copy(plaintext.begin(), plaintext.end(), padded.begin());
  size_t padded_size = 0;
  if (sodium_pad(&padded_size, padded.data(), plaintext.size(), BlockSizeFor(plaintext.size()), padded.size()) != 0 ||
      padded_size != padded.size()) {
    std::abort();  // The buffer is sized by PaddedLength; a mismatch is a bug.
  }
  return padded;
}

Result<Bytes> Unpad(ByteView padded) {
  if (!IsBucketLength(padded.size())) return Status::DataLoss("padded value has an unexpected length");
  size_t block = padded.size() <= kLastBucket ? padded.size() : kLastBucket;
  size_t unpadded_size = 0;
  if (sodium_unpad(&unpadded_size, padded.data(), padded.size(), block) != 0 ||
      PaddedLength(unpadded_size) != padded.size()) {
    return Status::DataLoss("padding is malformed");
  }
  return Bytes(padded.begin(), padded.begin() + static_cast<std::ptrdiff_t>(unpadded_size));
}

}  // namespace pillarbox::privacy
