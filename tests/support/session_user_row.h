// The `users` row a test session stands for, for tests that build sessions
// directly instead of signing in: the session's id, name, role and public
// key, with placeholder credential columns (nobody signs in with them).
#pragma once

#include "accounts/session_store.h"
#include "store/user_repository.h"

namespace pillarbox::testing {

// The row for `session`, created on 2024-06-15; insert it with
// store::InsertUser so desk memberships and audit entries can refer to it.
inline store::UserRecord SessionUserRow(const accounts::Session& session) {
  store::UserRecord user;
  user.id = session.identity.user_id;
  user.username = session.identity.username;
  user.role = session.identity.role;
  user.public_key.assign(session.keys.user_key_pair.public_key.bytes.begin(),
                         session.keys.user_key_pair.public_key.bytes.end());
  user.password_salt = user.password_verifier = user.password_wrapped_key = {1};
  user.recovery_salt = user.recovery_wrapped_key = user.sealed_totp_secret = {1};
  user.kdf_operations = 1;
  user.kdf_memory_bytes = 8192;
  user.created_day = "2024-06-15";
  return user;
}

}  // namespace pillarbox::testing
