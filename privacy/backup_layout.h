// The byte layout and keys of a backup file (privacy/backup_file.h), shared
// by the backup writer and reader. Not for use outside privacy/. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "privacy/backup_file.h"
#include "privacy/content_hash.h"
#include "privacy/secret_stream.h"

namespace pillarbox::privacy::backup_layout {

inline constexpr std::string_view kMagic = "PBXBACKP";
inline constexpr std::string_view kEndMarker = "PBXBEND1";
inline constexpr uint8_t kFormatVersion = 1;
inline constexpr std::string_view kStreamContext = "pillarbox/backup/v1";

// Every field of the clear header.
struct RawHeader {
  BackupHeader header;
  PasswordKdfParams kdf{0, 0};  // {0, 0} in instance mode
  std::array<uint8_t, kPasswordSaltBytes> salt{};
  std::array<uint8_t, 32> key_check{};
  uint32_t chunk_bytes = kBackupChunkBytes;
  SecretStreamHeader stream_header{};
};

// The kBackupHeaderBytes of `raw`. InvalidArgument for a day that is not
// YYYY-MM-DD or a schema version outside 1..2^31.
Result<Bytes> EncodeHeader(const RawHeader& raw);
// Parses the first kBackupHeaderBytes of `file` (the caller checked the size).
// InvalidArgument "not a Pillarbox backup" / "unsupported backup format
// version N" / a malformed field.
Result<RawHeader> DecodeHeader(ByteView file);

// The file key of `raw` (salt, mode and, for a passphrase, the KDF cost).
// InvalidArgument when the key source does not fit the mode; the KDF's errors.
Result<SecretKey> DeriveFileKey(const RawHeader& raw, const BackupKeySource& key);
// The key check stored in the header for `file_key`.
std::array<uint8_t, 32> KeyCheck(const SecretKey& file_key);
// The message the instance signs: a label, the header bytes and the
// ciphertext hash.
Bytes SignedMessage(ByteView header_bytes, const ContentHash& ciphertext_hash);

}  // namespace pillarbox::privacy::backup_layout
