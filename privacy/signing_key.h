// The instance's Ed25519 signing key (crypto_sign), derived from the signing
// seed of the instance secret (privacy/instance_secret.h). It signs evidence
// bundle manifests (and, later, backups); partners check signatures against
// the public key printed by `pillarbox bundle verify` and by the instance's
// admin.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kSigningPublicKeyBytes = 32;
inline constexpr size_t kSignatureBytes = 64;

using SigningPublicKey = std::array<uint8_t, kSigningPublicKeyBytes>;
using Signature = std::array<uint8_t, kSignatureBytes>;

// An Ed25519 key pair whose secret half lives in protected memory. Move-only;
// Sign is thread-safe.
class SigningKey {
 public:
  // The key pair of `seed` (crypto_sign_seed_keypair); always the same pair
  // for the same seed.
  static SigningKey FromSeed(const SecretKey& seed);

  // A second key pair from the same seed, in its own protected memory.
  SigningKey Clone() const { return SigningKey(public_key_, seed_.Clone()); }

  const SigningPublicKey& public_key() const { return public_key_; }
  // Detached signature of `message`.
  Signature Sign(ByteView message) const;

 private:
  SigningKey(SigningPublicKey public_key, SecretKey seed) : public_key_(public_key), seed_(std::move(seed)) {}
  SigningPublicKey public_key_{};
  SecretKey seed_;  // the secret key is re-expanded from the seed when signing
};

// True when `signature` is `public_key`'s signature of `message`.
bool VerifySignature(const SigningPublicKey& public_key, ByteView message, const Signature& signature);

}  // namespace pillarbox::privacy
