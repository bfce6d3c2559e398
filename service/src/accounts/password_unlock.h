// Unlocking an account's keys from the database: the desk keys sealed to an
// account's key pair, and, for operator commands run on the server (a master
// key rotation re-indexes blind indexes, which needs the reports' plaintext),
// the whole key set from a username and password alone. The password's
// Argon2id KEK is what unwraps the account's key pair (the TOTP secret is
// itself sealed under it); the second factor guards the online sign-in, and
// an operator at the server's shell holds the instance secret anyway.
// Free functions; thread-compatible (as the Database given).
#pragma once

#include <string>
#include <string_view>

#include "accounts/session_store.h"
#include "common/status.h"
#include "store/database.h"

namespace pillarbox::accounts {

// The desk keys (every desk and version) sealed to `user_id`'s key pair.
// DataLoss when one fails to open; Unavailable on an I/O error.
Result<UnlockedKeys> UnsealDeskKeys(store::Database& db, const std::string& user_id, privacy::BoxKeyPair user_key_pair);

// A session-like view of `username`'s keys (identity and unlocked keys; not
// registered anywhere, no token) after checking `password` with the
// account's own KDF parameters. Unauthenticated when the account does not
// exist, is disabled, or the password is wrong (one message for all three).
Result<Session> UnlockAccountWithPassword(store::Database& db, std::string_view username, std::string_view password);

}  // namespace pillarbox::accounts
