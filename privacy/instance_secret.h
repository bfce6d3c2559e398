// The instance secret: a 32-byte master key in a file outside the database
// (mode 0600, or a systemd credential), from which every instance-wide key is
// derived with crypto_kdf_derive_from_key. Losing the file makes blind indexes
// and receipts unusable; copying the database without it reveals neither.
#pragma once

#include <string>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

// Keys derived from the master key. Move-only; thread-compatible.
class InstanceKeys {
 public:
  // Derives the keys from `master_key`. Subkey ids are fixed forever:
  // 1 blind index ("pbxindex"), 2 receipt pepper ("pbxrecpt"), 3 signing seed ("pbxsignk"),
  // 4 audit log key ("pbxaudit"), 5 backup key ("pbxbckup").
  static InstanceKeys Derive(const SecretKey& master_key);

  // Creates `path` holding a fresh master key (64 hex digits and a newline)
  // with mode 0600, refusing to overwrite (Conflict if it exists). The file is
  // fsynced before returning.
  static Status CreateFile(const std::string& path);
  // Reads the master key from `path` and derives the keys. FailedPrecondition
  // with a clear message when the file is readable or writable by group or
  // others, or is not a regular file; DataLoss when its content is malformed;
  // NotFound when it does not exist.
  static Result<InstanceKeys> LoadFile(const std::string& path);

  const SecretKey& blind_index_key() const { return blind_index_key_; }
  const SecretKey& receipt_pepper() const { return receipt_pepper_; }
  // Seed of the instance's Ed25519 signing key (evidence bundles, backups).
  const SecretKey& signing_seed() const { return signing_seed_; }
  // Key of the audit log's keyed BLAKE2b chain (audit/audit_log.h). It lives
  // only in memory and in the instance secret, never in the database, so a
  // copy of the database alone cannot recompute the chain.
  const SecretKey& audit_key() const { return audit_key_; }
  // Key from which each backup file's key is derived (privacy/backup_file.h)
  // when the backup is not protected by a passphrase.
  const SecretKey& backup_key() const { return backup_key_; }

 private:
  InstanceKeys(SecretKey index, SecretKey pepper, SecretKey signing, SecretKey audit, SecretKey backup)
      : blind_index_key_(std::move(index)),
        receipt_pepper_(std::move(pepper)),
        signing_seed_(std::move(signing)),
        audit_key_(std::move(audit)),
        backup_key_(std::move(backup)) {}
  SecretKey blind_index_key_;
  SecretKey receipt_pepper_;
  SecretKey signing_seed_;
  SecretKey audit_key_;
  SecretKey backup_key_;
};

}  // namespace pillarbox::privacy
