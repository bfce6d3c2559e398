// The instance's Ed25519 signing key (declared in privacy/signing_key.h).
#include "privacy/signing_key.h"

#include <sodium.h>

#include <array>
#include <cstdlib>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

static_assert(kSigningPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);
static_assert(kKeyBytes == crypto_sign_SEEDBYTES);

using ExpandedSecretKey = std::array<uint8_t, crypto_sign_SECRETKEYBYTES>;

// Expands `seed` into the key pair; ends the process on a library failure (a bug).
void ExpandSeed(const SecretKey& seed, SigningPublicKey& public_key, ExpandedSecretKey& secret_key) {
  if (crypto_sign_seed_keypair(public_key.data(), secret_key.data(), internal::KeyData(seed)) != 0) std::abort();
}

}  // namespace

SigningKey SigningKey::FromSeed(const SecretKey& seed) {
  internal::EnsureSodiumInitialized();
  SigningPublicKey public_key{};
  ExpandedSecretKey secret_key{};
  ExpandSeed(seed, public_key, secret_key);
  internal::Wipe(secret_key);
  return SigningKey(public_key, seed.Clone());
}

Signature SigningKey::Sign(ByteView message) const {
  SigningPublicKey public_key{};
  ExpandedSecretKey secret_key{};
  ExpandSeed(seed_, public_key, secret_key);
  Signature signature{};
  if (crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret_key.data()) != 0) {
    std::abort();
  }
  internal::Wipe(secret_key);
  return signature;
}

bool VerifySignature(const SigningPublicKey& public_key, ByteView message, const Signature& signature) {
  internal::EnsureSodiumInitialized();
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), public_key.data()) == 0;
}

}  // namespace pillarbox::privacy
