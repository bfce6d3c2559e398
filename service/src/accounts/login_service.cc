#include "accounts/login_service.h"

#include <future>

#include "accounts/password_policy.h"
#include "accounts/password_unlock.h"
#include "privacy/envelope.h"
#include "privacy/totp.h"
#include "store/totp_step_repository.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {
namespace {

Status InvalidCredentials() { return Status::Unauthenticated("invalid username, password or code"); }

}  // namespace

struct LoginService::Account {
  store::UserRecord record;
  int64_t last_totp_step = 0;
};

LoginService::LoginService(std::unique_ptr<store::Database> reader, store::GroupCommitWriter& writer,
                           SessionStore& sessions, LoginBackoff& backoff, const Clock& clock, Options options)
    : reader_(std::move(reader)),
      writer_(writer),
      sessions_(sessions),
      backoff_(backoff),
      clock_(clock),
      options_(options),
      gate_(options.max_parallel_kdf, options.max_waiting_logins),
      dummy_salt_(privacy::NewPasswordSalt()) {}

Result<std::unique_ptr<LoginService::Account>> LoginService::FindAccount(const std::string& username) {
  std::lock_guard<std::mutex> lock(reader_mutex_);
  PB_ASSIGN_OR_RETURN(auto record, store::FindUserByName(*reader_, username));
  if (!record.has_value()) return std::unique_ptr<Account>();
  auto account = std::make_unique<Account>(Account{std::move(*record), 0});
  PB_ASSIGN_OR_RETURN(account->last_totp_step, store::LastTotpStep(*reader_, account->record.id));
  return account;
}

Result<LoginResult> LoginService::Login(const LoginRequest& request) {
  if (!backoff_.MayAttempt(request.username)) return InvalidCredentials();
  PB_ASSIGN_OR_RETURN(auto account, FindAccount(request.username));
  const bool known = account != nullptr && !account->record.disabled;
  Result<privacy::PasswordKeys> keys = Status::Internal("not derived");
  {
    PB_ASSIGN_OR_RETURN(KdfGate::Ticket ticket, gate_.Enter());
    keys = known ? privacy::DerivePasswordKeys(request.password, account->record.password_salt,
                                               {static_cast<uint64_t>(account->record.kdf_operations),
                                                static_cast<size_t>(account->record.kdf_memory_bytes)})
                 : privacy::DerivePasswordKeys(request.password, dummy_salt_, options_.dummy_kdf);
  }
  if (!keys.ok()) return keys.status();
  if (!known || !privacy::ConstantTimeEquals(keys->verifier, account->record.password_verifier)) {
    backoff_.RecordFailure(request.username);
    return InvalidCredentials();
  }
  Result<LoginResult> result = Verified(request, *account, keys->key_encryption_key);
  if (result.ok()) {
    backoff_.RecordSuccess(request.username);
  } else if (result.status().code() == StatusCode::kUnauthenticated) {
    backoff_.RecordFailure(request.username);
  }
  return result;
}

Result<privacy::PasswordKeys> LoginService::DeriveGated(std::string_view password, privacy::ByteView salt,
                                                        const privacy::PasswordKdfParams& params) {
  PB_ASSIGN_OR_RETURN(KdfGate::Ticket ticket, gate_.Enter());
  return privacy::DerivePasswordKeys(password, salt, params);
}

Result<store::PasswordMaterial> LoginService::Rewrap(const store::UserRecord& user, const privacy::SecretKey& old_kek,
                                                     const std::string& new_password) {
  const std::string wrap_purpose = "users.password_wrapped_key|" + user.id;
  const privacy::FieldContext totp_context{"users", user.id, "totp_secret", 1};
  PB_ASSIGN_OR_RETURN(privacy::SecretKey secret, privacy::UnwrapKey(old_kek, wrap_purpose, user.password_wrapped_key));
  PB_ASSIGN_OR_RETURN(std::string totp_secret, privacy::OpenField(old_kek, totp_context, user.sealed_totp_secret));
  store::PasswordMaterial material;
  material.password_salt = privacy::NewPasswordSalt();
  const privacy::PasswordKdfParams params = options_.dummy_kdf;  // the instance's current parameters
  PB_ASSIGN_OR_RETURN(auto keys, DeriveGated(new_password, material.password_salt, params));
  material.password_verifier = keys.verifier;
  material.kdf_operations = static_cast<int64_t>(params.operations);
  material.kdf_memory_bytes = static_cast<int64_t>(params.memory_bytes);
  material.password_wrapped_key = privacy::WrapKey(keys.key_encryption_key, wrap_purpose, secret);
  material.sealed_totp_secret = privacy::SealField(keys.key_encryption_key, totp_context, totp_secret);
  return material;
}

Status LoginService::ChangePassword(const Session& session, const std::string& current_password,
                                    const std::string& new_password) {
  const std::string& username = session.identity.username;
  if (Status policy = CheckNewPassword(new_password, username); !policy.ok()) {
    return Status::InvalidArgument(policy.message(), "new_password");
  }
  PB_ASSIGN_OR_RETURN(auto account, FindAccount(username));
  if (account == nullptr || account->record.disabled) return Status::Unauthenticated("invalid or expired session");
  const store::UserRecord& user = account->record;
  PB_ASSIGN_OR_RETURN(auto current, DeriveGated(current_password, user.password_salt,
                                                {static_cast<uint64_t>(user.kdf_operations),
                                                 static_cast<size_t>(user.kdf_memory_bytes)}));
  if (!privacy::ConstantTimeEquals(current.verifier, user.password_verifier)) {
    backoff_.RecordFailure(username);
    return Status::Unauthenticated("current password is wrong");
  }
  PB_ASSIGN_OR_RETURN(store::PasswordMaterial material, Rewrap(user, current.key_encryption_key, new_password));
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([user_id = user.id, material](store::Database& db) {
    return store::UpdatePasswordMaterial(db, user_id, material);
  }));
  sessions_.RevokeUser(user.id);
  return Status::Ok();
}

Result<LoginResult> LoginService::Verified(const LoginRequest& request, const Account& account,
                                           const privacy::SecretKey& key_encryption_key) {
  const store::UserRecord& user = account.record;
  PB_ASSIGN_OR_RETURN(const std::string totp_secret,
                      privacy::OpenField(key_encryption_key, {"users", user.id, "totp_secret", 1},
                                         user.sealed_totp_secret));
  auto step = privacy::VerifyTotp(totp_secret, request.totp, clock_.NowUnixSeconds(), account.last_totp_step);
  if (!step.ok()) return InvalidCredentials();
  if (Status committed = CommitTotpStep(user.id, *step); !committed.ok()) {
    return committed.code() == StatusCode::kConflict ? InvalidCredentials() : committed;
  }
  PB_ASSIGN_OR_RETURN(privacy::SecretKey user_secret,
                      privacy::UnwrapKey(key_encryption_key, "users.password_wrapped_key|" + user.id,
                                         user.password_wrapped_key));
  PB_ASSIGN_OR_RETURN(UnlockedKeys keys,
                      UnlockDeskKeys(user.id, privacy::BoxKeyPair::FromSecretKey(std::move(user_secret))));
  PB_ASSIGN_OR_RETURN(std::string token, sessions_.Create({user.id, user.username, user.role}, std::move(keys)));
  return LoginResult{user.id, std::move(token), user.role,
                     clock_.NowUnixSeconds() + sessions_.absolute_timeout_seconds()};
}

Result<UnlockedKeys> LoginService::UnlockDeskKeys(const std::string& user_id, privacy::BoxKeyPair user_key_pair) {
  std::lock_guard<std::mutex> lock(reader_mutex_);
  return UnsealDeskKeys(*reader_, user_id, std::move(user_key_pair));
}

Status LoginService::CommitTotpStep(const std::string& user_id, int64_t step) {
  return writer_.SubmitAndWait(
      [user_id, step](store::Database& db) { return store::RecordTotpStep(db, user_id, step); });
}

}  // namespace pillarbox::accounts
