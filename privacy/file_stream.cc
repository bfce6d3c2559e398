// Evidence file encryption (declared in privacy/file_stream.h).
#include "privacy/file_stream.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

using State = crypto_secretstream_xchacha20poly1305_state;

static_assert(kFileStreamHeaderBytes == crypto_secretstream_xchacha20poly1305_HEADERBYTES);
static_assert(kFileStreamMessageOverhead == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(kFileStreamMessageBytes % kFileStreamPaddingBlock == 0);

// The padded length of `content_size` bytes: the next multiple of the block, at least one byte more.
size_t PaddedFileLength(size_t content_size) {
  return (content_size / kFileStreamPaddingBlock + 1) * kFileStreamPaddingBlock;
}

// Encrypts one message of the stream; ends the process on a library failure (a bug).
Bytes PushMessage(State& state, ByteView plaintext, bool final) {
  Bytes ciphertext(plaintext.size() + kFileStreamMessageOverhead);
  const uint8_t tag =
      final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  if (crypto_secretstream_xchacha20poly1305_push(&state, ciphertext.data(), nullptr, plaintext.data(),
                                                 plaintext.size(), nullptr, 0, tag) != 0) {
    std::abort();
  }
  return ciphertext;
}

// The message starting at `offset` of the padded content: a view of `content`
// when it lies inside it, otherwise the tail plus the padding in `scratch`.
ByteView MessagePlaintext(ByteView content, size_t offset, size_t length, Bytes& scratch) {
  if (offset + length <= content.size()) return content.subspan(offset, length);
  scratch.assign(length, 0);
  const size_t tail = offset < content.size() ? content.size() - offset : 0;
  if (tail > 0) std::memcpy(scratch.data(), content.data() + offset, tail);
  scratch[tail] = 0x80;  // ISO/IEC 7816-4, as sodium_pad writes it
  return scratch;
}

}  // namespace

size_t FileStreamChunkCount(size_t content_size) {
  const size_t padded = PaddedFileLength(content_size);
  return (padded + kFileStreamMessageBytes - 1) / kFileStreamMessageBytes;
}

SealedFileStream SealFileStream(const SecretKey& file_key, ByteView content) {
  internal::EnsureSodiumInitialized();
  SealedFileStream sealed;
  State state;
  crypto_secretstream_xchacha20poly1305_init_push(&state, sealed.header.data(), internal::KeyData(file_key));
  const size_t padded = PaddedFileLength(content.size());
  sealed.chunks.reserve(FileStreamChunkCount(content.size()));
  Bytes scratch;
  for (size_t offset = 0; offset < padded; offset += kFileStreamMessageBytes) {
    const size_t length = std::min(kFileStreamMessageBytes, padded - offset);
    const bool final = offset + length == padded;
    sealed.chunks.push_back(PushMessage(state, MessagePlaintext(content, offset, length, scratch), final));
    internal::Wipe(scratch);
  }
  sodium_memzero(&state, sizeof state);
  return sealed;
}

Result<SensitiveBytes> OpenFileStream(const SecretKey& file_key, ByteView header, const std::vector<Bytes>& chunks) {
  const Status corrupt = Status::DataLoss("evidence file failed authentication");
  if (header.size() != kFileStreamHeaderBytes || chunks.empty()) return corrupt;
  size_t total = 0;
  for (const Bytes& chunk : chunks) {
    if (chunk.size() < kFileStreamMessageOverhead) return corrupt;
    total += chunk.size() - kFileStreamMessageOverhead;
  }
  State state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, header.data(), internal::KeyData(file_key)) != 0) {
    return corrupt;
  }
  SensitiveBytes plaintext{Bytes(total)};
  size_t written = 0;
  for (size_t i = 0; i < chunks.size(); ++i) {
    unsigned long long length = 0;
    uint8_t tag = 0;
    const bool last = i + 1 == chunks.size();
    if (crypto_secretstream_xchacha20poly1305_pull(&state, plaintext.bytes().data() + written, &length, &tag,
                                                   chunks[i].data(), chunks[i].size(), nullptr, 0) != 0 ||
        (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) != last) {
      sodium_memzero(&state, sizeof state);
      return corrupt;  // `plaintext` is wiped as it goes out of scope
    }
    written += length;
  }
  sodium_memzero(&state, sizeof state);
  size_t unpadded = 0;
  // Padding always adds at least one byte, so an empty stream is corrupt
  // (and sodium_unpad must not see the null data of an empty buffer).
  if (written != total || total == 0 || total % kFileStreamPaddingBlock != 0 ||
      sodium_unpad(&unpadded, plaintext.bytes().data(), total, kFileStreamPaddingBlock) != 0) {
    return corrupt;
  }
  Wipe(std::span<uint8_t>(plaintext.bytes()).subspan(unpadded));
  plaintext.bytes().resize(unpadded);
  return plaintext;
}

}  // namespace pillarbox::privacy
