// The backup file: a snapshot of the instance's database, encrypted with
// crypto_secretstream (XChaCha20-Poly1305, privacy/secret_stream.h) and
// signed by the instance's Ed25519 key (privacy/signing_key.h), so a restore
// proves the file came from this instance and was not altered.
//
// Layout (integers big-endian; docs/notes/backup.md):
//   header (116 bytes, all signed):
//     "PBXBACKP" | format version u8 (1) | key mode u8 (1 instance, 2 passphrase)
//     | schema version u32 | created day "YYYY-MM-DD" | Argon2id operations u64
//     | Argon2id memory bytes u64 (both 0 in instance mode) | salt (16)
//     | key check (32) | chunk plaintext bytes u32 | secretstream header (24)
//   chunks: each is `chunk bytes` of plaintext + 17 bytes (the last one shorter,
//     tagged FINAL), with the associated data "pillarbox/backup/v1"
//   signature (64): Ed25519 over "pillarbox/backup/v1/signature" | header
//     | BLAKE2b-256 of every chunk's ciphertext
//   end marker "PBXBEND1"
// The file key is BLAKE2b(instance backup key, label | salt) in instance mode
// or the key-encryption half of Argon2id(passphrase, salt) (privacy/
// password_kdf.h) in passphrase mode; the key check (keyed BLAKE2b of a label
// under the file key) tells a wrong passphrase from altered content. The
// header says nothing about the content beyond the schema version and day.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "privacy/bytes.h"
#include "privacy/password_kdf.h"
#include "privacy/signing_key.h"

namespace pillarbox::privacy {

inline constexpr size_t kBackupHeaderBytes = 116;
inline constexpr size_t kBackupTrailerBytes = kSignatureBytes + 8;
inline constexpr size_t kBackupChunkBytes = 64 * 1024;

enum class BackupKeyMode : uint8_t { kInstance = 1, kPassphrase = 2 };

// What the clear header of a backup says.
struct BackupHeader {
  int schema_version = 0;
  std::string created_day;  // YYYY-MM-DD (UTC)
  BackupKeyMode key_mode = BackupKeyMode::kInstance;
};

// Where a backup's file key comes from. `instance_backup_key` is
// InstanceKeys::backup_key(); with a passphrase the key comes from Argon2id
// of it instead (the instance key is then unused). `kdf` is the Argon2id cost
// used when writing (reading takes the cost from the header).
struct BackupKeySource {
  const SecretKey& instance_backup_key;
  std::optional<std::string_view> passphrase{};
  PasswordKdfParams kdf = ModerateKdfParams();
};

// Writes one backup file to a sink as the plaintext arrives, so the snapshot
// is never held whole in memory. Move-only; not thread-safe.
class BackupWriter {
 public:
  // Receives consecutive pieces of the backup file; a non-OK Status aborts.
  using Sink = std::function<Status(ByteView)>;

  // Derives the file key (one Argon2id run in passphrase mode) and writes the
  // header. `header.key_mode` is set from `key`. InvalidArgument for a
  // malformed day or schema version, or an out-of-range KDF cost;
  // ResourceExhausted when Argon2id cannot get its memory; the sink's error.
  static Result<BackupWriter> Start(Sink sink, BackupHeader header, const BackupKeySource& key,
                                    const SigningKey& signer);
  BackupWriter(BackupWriter&&) noexcept;
  BackupWriter& operator=(BackupWriter&&) noexcept;
  ~BackupWriter();

  // Encrypts the next piece of the snapshot (any length; chunked inside).
  // The sink's error, or FailedPrecondition after Finish or a failed write.
  Status Append(ByteView plaintext);
  // Writes the last chunk, the signature and the end marker. Same errors.
  Status Finish();
  // Bytes handed to the sink so far.
  uint64_t bytes_written() const;

 private:
  struct State;
  explicit BackupWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Checks and decrypts a whole backup file held in memory (e.g. mapped),
// handing each decrypted chunk in order to `on_plaintext` (its error aborts).
// The plaintext handed over is only trustworthy when this returns OK: the
// signature is checked after the last chunk, so a caller writes it to a
// temporary place and discards it on error. Errors name what failed:
//   InvalidArgument "not a Pillarbox backup" / "unsupported backup format
//     version N" / "backup needs its passphrase" / "backup is not protected
//     by a passphrase"
//   DataLoss "truncated: ..." (short file, missing end marker or final chunk),
//     "signature: ..." (not signed by `signer`: altered, or another
//     instance's backup), "chunk N: ..." (chunk N, from 0, does not
//     authenticate), "passphrase: wrong passphrase"
// Thread-safe (no shared state).
Result<BackupHeader> OpenBackup(ByteView file, const BackupKeySource& key, const SigningPublicKey& signer,
                                const std::function<Status(ByteView plaintext)>& on_plaintext);

}  // namespace pillarbox::privacy
