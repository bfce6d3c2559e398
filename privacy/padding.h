// Length hiding: plaintext is padded to a bucket before encryption, so a
// ciphertext's size tells only which bucket its plaintext fell in.
#pragma once

#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

// Bucket sizes in bytes, ascending. Plaintext of length n goes to the smallest
// bucket > n (ISO/IEC 7816-4 padding always adds at least one byte); beyond the
// last bucket, to the next multiple of the last bucket.
inline constexpr size_t kPaddingBuckets[] = {64, 256, 1024, 4096, 16384, 65536};

// Returns the padded length for a plaintext of `length` bytes.
size_t PaddedLength(size_t length);
// Pads `plaintext` per the rule above (sodium_pad).
Bytes Pad(ByteView plaintext);
// Removes the padding; DataLoss when the padding is malformed.
Result<Bytes> Unpad(ByteView padded);

}  // namespace pillarbox::privacy
