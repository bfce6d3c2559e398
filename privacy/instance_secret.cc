// Keys derived from the instance secret (declared in privacy/instance_secret.h).
#include "privacy/instance_secret.h"

#include <sodium.h>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

SecretKey DeriveSubkey(const SecretKey& master_key, uint64_t id, const char (&context)[crypto_kdf_CONTEXTBYTES + 1]) {
  internal::KeyBuffer subkey;
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), id, context, internal::KeyData(master_key));
  return internal::TakeKey(subkey);
}

}  // namespace

SecretKey DeriveReceiptPepper(const SecretKey& master_key) { return DeriveSubkey(master_key, 2, "pbxrecpt"); }

InstanceKeys InstanceKeys::Derive(const SecretKey& master_key) {
  return InstanceKeys(DeriveSubkey(master_key, 1, "pbxindex"), DeriveReceiptPepper(master_key),
                      DeriveSubkey(master_key, 3, "pbxsignk"), DeriveSubkey(master_key, 4, "pbxaudit"),
                      DeriveSubkey(master_key, 5, "pbxbckup"));
}

InstanceKeys InstanceKeys::FromKeyring(const InstanceKeyring& keyring) {
  InstanceKeys keys = Derive(keyring.master().key);
  keys.master_version_ = keyring.master().version;
  if (keyring.retiring().has_value()) {
    keys.retiring_ = std::make_unique<InstanceKeys>(Derive(keyring.retiring()->key));
    keys.retiring_->master_version_ = keyring.retiring()->version;
  }
  for (const VersionedKey& pepper : keyring.retired_peppers()) keys.retired_peppers_.push_back(pepper.key.Clone());
  return keys;
}

std::vector<const SecretKey*> InstanceKeys::receipt_peppers() const {
  std::vector<const SecretKey*> peppers{&receipt_pepper_};
  if (retiring_ != nullptr) peppers.push_back(&retiring_->receipt_pepper_);
  for (const SecretKey& pepper : retired_peppers_) peppers.push_back(&pepper);
  return peppers;
}

Status InstanceKeys::CreateFile(const std::string& path) { return InstanceKeyring::Fresh().Create(path); }

Result<InstanceKeys> InstanceKeys::LoadFile(const std::string& path) {
  PB_ASSIGN_OR_RETURN(const InstanceKeyring keyring, InstanceKeyring::Read(path));
  return FromKeyring(keyring);
}

}  // namespace pillarbox::privacy
