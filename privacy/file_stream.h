// Evidence file encryption: crypto_secretstream_xchacha20poly1305 over a
// file's bytes in messages of kFileStreamMessageBytes plaintext each, the last
// one tagged FINAL. Before sealing, the plaintext is padded (ISO/IEC 7816-4,
// sodium_pad) to the next multiple of kFileStreamPaddingBlock, always adding
// at least one byte; the padding is inside the last encrypted message, so the
// stored size tells only the file's size rounded up to 4 KiB. Each message
// ciphertext is its padded plaintext plus kFileStreamMessageOverhead bytes.
//
// Opening fails with DataLoss, returning no plaintext, on a wrong key or
// header, any changed byte, reordered, missing or extra messages, a FINAL tag
// before the end, or no FINAL tag at the end (a truncated stream).
// Thread-safe (no shared state).
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "privacy/bytes.h"
#include "privacy/wipe.h"

namespace pillarbox::privacy {

inline constexpr size_t kFileStreamHeaderBytes = 24;
inline constexpr size_t kFileStreamMessageBytes = 64 * 1024;
inline constexpr size_t kFileStreamPaddingBlock = 4 * 1024;
inline constexpr size_t kFileStreamMessageOverhead = 17;  // crypto_secretstream_xchacha20poly1305_ABYTES

// A sealed file: the secretstream header and its messages in order.
struct SealedFileStream {
  std::array<uint8_t, kFileStreamHeaderBytes> header{};
  std::vector<Bytes> chunks;  // at least one; the last carries the FINAL tag
};

// The number of messages SealFileStream produces for `content_size` bytes.
size_t FileStreamChunkCount(size_t content_size);

// Pads and seals `content` under `file_key` (a fresh key per file). Never
// fails for a valid key; an empty `content` gives one message.
SealedFileStream SealFileStream(const SecretKey& file_key, ByteView content);

// Opens what SealFileStream produced with the same key, header and messages.
// DataLoss (see above) otherwise.
Result<SensitiveBytes> OpenFileStream(const SecretKey& file_key, ByteView header, const std::vector<Bytes>& chunks);

}  // namespace pillarbox::privacy
