// The instance secret: a master key in a file outside the database (mode
// 0600, or a systemd credential; privacy/instance_keyring.h gives its
// format), from which every instance-wide key is derived with
// crypto_kdf_derive_from_key. Losing the file makes blind indexes and
// receipts unusable; copying the database without it reveals neither.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "privacy/bytes.h"
#include "privacy/instance_keyring.h"

namespace pillarbox::privacy {

// The receipt pepper derived from `master_key` (subkey 2, "pbxrecpt"): what a
// finished master key rotation keeps of the retired master.
SecretKey DeriveReceiptPepper(const SecretKey& master_key);

// Keys derived from the keyring's master key, with what a rotation needs of
// older ones. Move-only; thread-compatible.
class InstanceKeys {
 public:
  // Derives the keys from `master_key` (version 1, no older keys). Subkey ids
  // are fixed forever: 1 blind index ("pbxindex"), 2 receipt pepper
  // ("pbxrecpt"), 3 signing seed ("pbxsignk"), 4 audit log key ("pbxaudit"),
  // 5 backup key ("pbxbckup").
  static InstanceKeys Derive(const SecretKey& master_key);
  // Derives the keys of `keyring`'s master; the retiring master's keys and
  // the retired receipt peppers come along.
  static InstanceKeys FromKeyring(const InstanceKeyring& keyring);

  // Creates `path` holding a fresh master key (64 hex digits and a newline)
  // with mode 0600, refusing to overwrite (Conflict if it exists). The file is
  // fsynced before returning.
  static Status CreateFile(const std::string& path);
  // Reads the keyring at `path` (InstanceKeyring::Read: FailedPrecondition for
  // a loose mode or a non-regular file, DataLoss when malformed, NotFound when
  // missing) and derives the keys.
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

  // The master key's version (1 until the first rotation).
  uint32_t master_version() const { return master_version_; }
  // Every receipt pepper a stored report may have been made with, newest
  // first: this master's, the retiring master's, then retired ones.
  std::vector<const SecretKey*> receipt_peppers() const;
  // The keys of the retiring master while a rotation is unfinished, else
  // nullptr. `serve` refuses to start while there is one.
  const InstanceKeys* retiring() const { return retiring_.get(); }

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
  uint32_t master_version_ = 1;
  std::unique_ptr<InstanceKeys> retiring_;
  std::vector<SecretKey> retired_peppers_;
};

}  // namespace pillarbox::privacy
