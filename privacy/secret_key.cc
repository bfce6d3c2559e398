// SecretKey and BoxKeyPair (declared in privacy/bytes.h).
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "privacy/bytes.h"
#include "privacy/internal.h"
#include "privacy/key_arena.h"

namespace pillarbox::privacy {

SecretKey::SecretKey() {
  internal::EnsureSodiumInitialized();
  data_ = internal::AllocateKeySlot();
}

SecretKey SecretKey::Random() {
  SecretKey key;
  randombytes_buf(key.data_, kKeyBytes);
  return key;
}

Result<SecretKey> SecretKey::FromBytes(ByteView bytes) {
  if (bytes.size() != kKeyBytes) return Status::InvalidArgument("a key must be exactly 32 bytes");
  SecretKey key;
  std::copy(bytes.begin(), bytes.end(), key.data_);
  return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : data_(std::exchange(other.data_, nullptr)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    internal::ReleaseKeySlot(data_);  // Wipes; accepts nullptr.
    data_ = std::exchange(other.data_, nullptr);
  }
  return *this;
}

SecretKey::~SecretKey() { internal::ReleaseKeySlot(data_); }

ByteView SecretKey::bytes() const {
  if (data_ == nullptr) return {};
  return {data_, kKeyBytes};
}

SecretKey SecretKey::Clone() const {
  SecretKey copy;
  std::copy(internal::KeyData(*this), internal::KeyData(*this) + kKeyBytes, copy.data_);
  return copy;
}

BoxKeyPair BoxKeyPair::Generate() {
  internal::EnsureSodiumInitialized();
  internal::KeyBuffer secret;
  randombytes_buf(secret.data(), secret.size());
  return FromSecretKey(internal::TakeKey(secret));
}

BoxKeyPair BoxKeyPair::FromSecretKey(SecretKey secret_key) {
  BoxPublicKey public_key;
  if (crypto_scalarmult_base(public_key.bytes.data(), internal::KeyData(secret_key)) != 0) std::abort();
  return BoxKeyPair{public_key, std::move(secret_key)};
}

}  // namespace pillarbox::privacy
