// LoginService: username + password + TOTP code -> a session holding the
// user's unlocked keys (docs/ARCHITECTURE.md, "Keys").
//
// One Argon2id run per attempt, through a KdfGate (bounded memory). Unknown
// user, disabled account, wrong password, wrong or reused code and backoff
// all give the same Unauthenticated status and message; an unknown user still
// costs one Argon2id run with a dummy salt, so timing does not tell them
// apart. Codes are single-use: the matched time step is committed through the
// group-commit writer before the session is created.
//
// Login() blocks for about one Argon2id run: call it from a worker thread,
// never from an HTTP I/O thread. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "accounts/kdf_gate.h"
#include "accounts/login_backoff.h"
#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/password_kdf.h"
#include "store/database.h"
#include "store/group_commit_writer.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {

struct LoginRequest {
  std::string username;
  std::string password;
  std::string totp;
};

struct LoginResult {
  std::string user_id;
  std::string token;  // bearer token, shown once
  std::string role;
  int64_t expires_at = 0;  // absolute timeout, unix seconds
};

class LoginService {
 public:
  struct Options {
    size_t max_parallel_kdf = 2;
    size_t max_waiting_logins = 64;
    // Parameters of the dummy Argon2id run for unknown usernames; should
    // match those of real accounts.
    privacy::PasswordKdfParams dummy_kdf = privacy::ModerateKdfParams();
  };

  // `reader` is a connection of the service's own (used under a mutex);
  // `writer` commits TOTP steps; all must outlive the service.
  LoginService(std::unique_ptr<store::Database> reader, store::GroupCommitWriter& writer, SessionStore& sessions,
               LoginBackoff& backoff, const Clock& clock, Options options);

  // Signs the user in. Unauthenticated("invalid username, password or code")
  // for every kind of wrong credential; ResourceExhausted when too many logins
  // are waiting; Unavailable/Internal on storage faults.
  Result<LoginResult> Login(const LoginRequest& request);

  // Changes the password of the session's account: checks `current_password`
  // (Unauthenticated "current password is wrong" otherwise, counted by the
  // backoff), checks `new_password` against the policy (InvalidArgument with
  // field "new_password"), re-wraps the private key and the TOTP secret under
  // the new password's key, and ends every session of the account. The
  // recovery code keeps working. Two Argon2id runs; blocks.
  Status ChangePassword(const Session& session, const std::string& current_password,
                        const std::string& new_password);

  size_t peak_parallel_kdf() const { return gate_.peak_running(); }

 private:
  struct Account;
  Result<std::unique_ptr<Account>> FindAccount(const std::string& username);
  Result<UnlockedKeys> UnlockDeskKeys(const std::string& user_id, privacy::BoxKeyPair user_key_pair);
  Status CommitTotpStep(const std::string& user_id, int64_t step);
  Result<privacy::PasswordKeys> DeriveGated(std::string_view password, privacy::ByteView salt,
                                            const privacy::PasswordKdfParams& params);
  Result<store::PasswordMaterial> Rewrap(const store::UserRecord& user, const privacy::SecretKey& old_kek,
                                         const std::string& new_password);
  Result<LoginResult> Verified(const LoginRequest& request, const Account& account,
                               const privacy::SecretKey& key_encryption_key);

  std::unique_ptr<store::Database> reader_;
  std::mutex reader_mutex_;
  store::GroupCommitWriter& writer_;
  SessionStore& sessions_;
  LoginBackoff& backoff_;
  const Clock& clock_;
  const Options options_;
  KdfGate gate_;
  const privacy::Bytes dummy_salt_;
};

}  // namespace pillarbox::accounts
