// Password-derived keys for accounts: one Argon2id run yields a login verifier
// and a key-encryption key (KEK) that wraps the account's private key.
// Thread-safe; each call allocates `memory_bytes` while it runs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kPasswordSaltBytes = 16;

struct PasswordKdfParams {
  uint64_t operations;
  size_t memory_bytes;
};
// libsodium's MODERATE (about 0.5 s and 256 MiB here): the production setting.
PasswordKdfParams ModerateKdfParams();
// libsodium's MIN: for tests only.
PasswordKdfParams MinimalKdfParams();

struct PasswordKeys {
  Bytes verifier;               // 32 bytes; stored, compared in constant time.
  SecretKey key_encryption_key;  // never stored.
};

// A fresh random salt of kPasswordSaltBytes.
Bytes NewPasswordSalt();
// Runs Argon2id(password, salt) to 64 bytes: BLAKE2b of the first half is the
// verifier, the second half the KEK. InvalidArgument for a salt of the wrong
// size; ResourceExhausted when memory could not be allocated.
Result<PasswordKeys> DerivePasswordKeys(std::string_view password, ByteView salt, const PasswordKdfParams& params);
// Constant-time equality of two byte strings (false when lengths differ).
bool ConstantTimeEquals(ByteView a, ByteView b);

// A generated password: 24 symbols of Crockford base32 (120 bits) in groups of four.
std::string GeneratePassword();
// A TOTP secret: 20 random bytes as RFC 4648 base32 without padding (32 characters).
std::string GenerateTotpSecretBase32();

}  // namespace pillarbox::privacy
