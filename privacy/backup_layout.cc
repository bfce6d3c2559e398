// Backup header encoding and key derivation (declared in privacy/backup_layout.h).
#include "privacy/backup_layout.h"

#include <algorithm>

#include "privacy/keyed_hash.h"

namespace pillarbox::privacy::backup_layout {
namespace {

constexpr size_t kDayBytes = 10;
constexpr std::string_view kFileKeyLabel = "pillarbox/backup/file-key/v1";
constexpr std::string_view kKeyCheckLabel = "pillarbox/backup/key-check/v1";
constexpr std::string_view kSignatureLabel = "pillarbox/backup/v1/signature";
// Bounds on a header's Argon2id cost, so a crafted file cannot make a reader
// spend minutes or gigabytes before anything is authenticated.
constexpr uint64_t kMaxKdfOperations = 16;
constexpr uint64_t kMaxKdfMemoryBytes = uint64_t{1} << 30;
constexpr uint32_t kMinChunkBytes = 4 * 1024;
constexpr uint32_t kMaxChunkBytes = 16 * 1024 * 1024;

void AppendU64(Bytes& out, uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(value >> shift));
}

void AppendU32(Bytes& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(value >> shift));
}

uint64_t ReadU64(ByteView bytes, size_t offset) {
  uint64_t value = 0;
  for (size_t i = 0; i < 8; ++i) value = (value << 8) | bytes[offset + i];
  return value;
}

uint32_t ReadU32(ByteView bytes, size_t offset) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | bytes[offset + i];
  return value;
}

bool IsDay(std::string_view day) {
  if (day.size() != kDayBytes || day[4] != '-' || day[7] != '-') return false;
  for (size_t i = 0; i < day.size(); ++i) {
    if (i != 4 && i != 7 && (day[i] < '0' || day[i] > '9')) return false;
  }
  return true;
}

void AppendBytes(Bytes& out, ByteView bytes) { out.insert(out.end(), bytes.begin(), bytes.end()); }

// Checks the fields DecodeHeader cannot check by their shape alone.
Status CheckDecoded(const RawHeader& raw) {
  if (!IsDay(raw.header.created_day)) return Status::InvalidArgument("backup header: malformed created day");
  if (raw.header.schema_version <= 0) return Status::InvalidArgument("backup header: malformed schema version");
  if (raw.chunk_bytes < kMinChunkBytes || raw.chunk_bytes > kMaxChunkBytes) {
    return Status::InvalidArgument("backup header: chunk size out of range");
  }
  if (raw.header.key_mode == BackupKeyMode::kPassphrase &&
      (raw.kdf.operations > kMaxKdfOperations || raw.kdf.memory_bytes > kMaxKdfMemoryBytes)) {
    return Status::InvalidArgument("backup header: passphrase KDF cost out of range");
  }
  return Status::Ok();
}

}  // namespace

Result<Bytes> EncodeHeader(const RawHeader& raw) {
  if (!IsDay(raw.header.created_day)) return Status::InvalidArgument("backup created day must be YYYY-MM-DD");
  if (raw.header.schema_version <= 0) return Status::InvalidArgument("backup schema version must be positive");
  Bytes out;
  out.reserve(kBackupHeaderBytes);
  AppendBytes(out, AsBytes(kMagic));
  out.push_back(kFormatVersion);
  out.push_back(static_cast<uint8_t>(raw.header.key_mode));
  AppendU32(out, static_cast<uint32_t>(raw.header.schema_version));
  AppendBytes(out, AsBytes(raw.header.created_day));
  AppendU64(out, raw.kdf.operations);
  AppendU64(out, raw.kdf.memory_bytes);
  AppendBytes(out, raw.salt);
  AppendBytes(out, raw.key_check);
  AppendU32(out, raw.chunk_bytes);
  AppendBytes(out, raw.stream_header);
  return out;
}

Result<RawHeader> DecodeHeader(ByteView file) {
  if (file.size() < kBackupHeaderBytes || !std::equal(kMagic.begin(), kMagic.end(), file.begin())) {
    return Status::InvalidArgument("not a Pillarbox backup");
  }
  if (file[8] != kFormatVersion) {
    return Status::InvalidArgument("unsupported backup format version " + std::to_string(file[8]));
  }
  RawHeader raw;
  if (file[9] != static_cast<uint8_t>(BackupKeyMode::kInstance) &&
      file[9] != static_cast<uint8_t>(BackupKeyMode::kPassphrase)) {
    return Status::InvalidArgument("backup header: unknown key mode");
  }
  raw.header.key_mode = static_cast<BackupKeyMode>(file[9]);
  const uint32_t schema = ReadU32(file, 10);
  raw.header.schema_version = schema > 0x7fffffffu ? -1 : static_cast<int>(schema);
  raw.header.created_day.assign(reinterpret_cast<const char*>(file.data()) + 14, kDayBytes);
  raw.kdf.operations = ReadU64(file, 24);
  raw.kdf.memory_bytes = static_cast<size_t>(ReadU64(file, 32));
  std::copy_n(file.begin() + 40, raw.salt.size(), raw.salt.begin());
  std::copy_n(file.begin() + 56, raw.key_check.size(), raw.key_check.begin());
  raw.chunk_bytes = ReadU32(file, 88);
  std::copy_n(file.begin() + 92, raw.stream_header.size(), raw.stream_header.begin());
  PB_RETURN_IF_ERROR(CheckDecoded(raw));
  return raw;
}

Result<SecretKey> DeriveFileKey(const RawHeader& raw, const BackupKeySource& key) {
  if (raw.header.key_mode == BackupKeyMode::kInstance) {
    if (key.passphrase.has_value()) return Status::InvalidArgument("backup is not protected by a passphrase");
    Bytes message(kFileKeyLabel.begin(), kFileKeyLabel.end());
    AppendBytes(message, raw.salt);
    Bytes derived = KeyedBlake2b256(key.instance_backup_key, message);
    Result<SecretKey> file_key = SecretKey::FromBytes(derived);
    std::fill(derived.begin(), derived.end(), 0);
    return file_key;
  }
  if (!key.passphrase.has_value()) return Status::InvalidArgument("backup needs its passphrase");
  PB_ASSIGN_OR_RETURN(PasswordKeys keys, DerivePasswordKeys(*key.passphrase, raw.salt, raw.kdf));
  return std::move(keys.key_encryption_key);
}

std::array<uint8_t, 32> KeyCheck(const SecretKey& file_key) {
  Bytes digest = KeyedBlake2b256(file_key, AsBytes(kKeyCheckLabel));
  std::array<uint8_t, 32> check{};
  std::copy_n(digest.begin(), check.size(), check.begin());
  return check;
}

Bytes SignedMessage(ByteView header_bytes, const ContentHash& ciphertext_hash) {
  Bytes message(kSignatureLabel.begin(), kSignatureLabel.end());
  AppendBytes(message, header_bytes);
  AppendBytes(message, ciphertext_hash);
  return message;
}

}  // namespace pillarbox::privacy::backup_layout
