// Creation of an account's key material (docs/ARCHITECTURE.md, "Keys"):
// a generated password and recovery code, one Argon2id run for each, an
// X25519 key pair whose secret half is wrapped under both derived keys, and
// a TOTP secret wrapped under the password-derived key. The credentials are
// returned once, to be shown once; only the record is stored.
// Thread-safe (no shared state).
#pragma once

#include <string>

#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/password_kdf.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {

inline constexpr char kTotpIssuer[] = "Pillarbox";

struct NewAccountRequest {
  std::string username;     // 3-64 of [a-z0-9._-], starting with a letter or digit
  std::string role;         // admin, reviewer, partner or researcher
  std::string created_day;  // "YYYY-MM-DD"
  privacy::PasswordKdfParams kdf;
};

// What the new account holder must be told, once.
struct AccountCredentials {
  std::string username;
  std::string role;
  std::string password;       // generated, 120 bits
  std::string totp_secret;    // RFC 4648 base32
  std::string totp_uri;       // otpauth://totp/... for an authenticator app
  std::string recovery_code;  // generated, 120 bits; unwraps the private key too
  std::string user_id;        // the new account's id
};

struct NewAccount {
  store::UserRecord record;
  privacy::BoxPublicKey public_key;
  AccountCredentials credentials;
};

// Validates the request (InvalidArgument naming "username" or "role") and
// builds the account with fresh secrets.
Result<NewAccount> CreateNewAccount(const NewAccountRequest& request);

// The otpauth URI for `secret` (exposed for tests).
std::string TotpUri(const std::string& username, const std::string& secret);

}  // namespace pillarbox::accounts
