// Password-derived keys and generated secrets (declared in privacy/password_kdf.h).
#include "privacy/password_kdf.h"

#include <sodium.h>

#include <array>

#include "privacy/crockford.h"
#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

constexpr size_t kPasswordSymbols = 24;
constexpr size_t kTotpSecretBytes = 20;
constexpr std::string_view kRfc4648Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// RFC 4648 base32 of `bytes` without padding characters.
std::string Base32NoPadding(ByteView bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kRfc4648Base32[(buffer >> bits) & 0x1f]);
    }
  }
  if (bits > 0) out.push_back(kRfc4648Base32[(buffer << (5 - bits)) & 0x1f]);
  return out;
}

Status CheckKdfInputs(std::string_view password, ByteView salt, const PasswordKdfParams& params) {
  if (salt.size() != kPasswordSaltBytes) return Status::InvalidArgument("password salt must be 16 bytes");
  if (password.size() > crypto_pwhash_PASSWD_MAX) return Status::InvalidArgument("password is too long");
  if (params.operations < crypto_pwhash_OPSLIMIT_MIN || params.operations > crypto_pwhash_OPSLIMIT_MAX ||
      params.memory_bytes < crypto_pwhash_MEMLIMIT_MIN || params.memory_bytes > crypto_pwhash_MEMLIMIT_MAX) {
    return Status::InvalidArgument("password KDF parameters are out of range");
  }
  return Status::Ok();
}

}  // namespace

PasswordKdfParams ModerateKdfParams() {
  return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

PasswordKdfParams MinimalKdfParams() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

Bytes NewPasswordSalt() { return RandomBytes(kPasswordSaltBytes); }

Result<PasswordKeys> DerivePasswordKeys(std::string_view password, ByteView salt, const PasswordKdfParams& params) {
  PB_RETURN_IF_ERROR(CheckKdfInputs(password, salt, params));
  internal::EnsureSodiumInitialized();
  std::array<uint8_t, 2 * kKeyBytes> derived{};
  if (crypto_pwhash(derived.data(), derived.size(), password.data(), password.size(), salt.data(), params.operations,
                    params.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    sodium_memzero(derived.data(), derived.size());
    return Status::ResourceExhausted("not enough memory for the password KDF");
  }
  Bytes verifier(crypto_generichash_BYTES);
  crypto_generichash(verifier.data(), verifier.size(), derived.data(), kKeyBytes, nullptr, 0);
  internal::KeyBuffer kek;
  std::copy(derived.begin() + kKeyBytes, derived.end(), kek.begin());
  sodium_memzero(derived.data(), derived.size());
  return PasswordKeys{std::move(verifier), internal::TakeKey(kek)};
}

bool ConstantTimeEquals(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string GeneratePassword() { return internal::GroupByFour(internal::RandomCrockfordSymbols(kPasswordSymbols)); }

std::string GenerateTotpSecretBase32() {
  Bytes secret = RandomBytes(kTotpSecretBytes);
  std::string encoded = Base32NoPadding(secret);
  internal::Wipe(secret);
  return encoded;
}

}  // namespace pillarbox::privacy
