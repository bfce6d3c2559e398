// AccountAdmin: an admin creates accounts. The new account's key material
// comes from CreateNewAccount; each desk it joins gets the desk's secret key
// sealed to the new public key, which needs the desk key unlocked in the
// admin's own session (the server holds no desk key of its own). The user,
// its memberships and their audit entries commit in one transaction.
// Thread-safe; blocks for two Argon2id runs and one commit (worker threads).
#pragma once

#include <string>
#include <vector>

#include "accounts/new_account.h"
#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/password_kdf.h"
#include "store/group_commit_writer.h"

namespace pillarbox::accounts {

struct CreateAccountRequest {
  std::string username;
  std::string role;
  std::vector<std::string> desks;  // desk ids the account joins (admin and reviewer roles only)
  std::string organization_id;     // partner role only: the organization it belongs to ("" for none)
};

class AccountAdmin {
 public:
  // References must outlive the object.
  AccountAdmin(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key, const Clock& clock,
               privacy::PasswordKdfParams kdf);

  // Creates the account and returns its credentials, to be shown once.
  // PermissionDenied unless `admin` has the admin role; InvalidArgument naming
  // "username", "role", "desks" (a desk the admin holds no key for, or desks
  // for a partner/researcher) or "organization_id" (for a role other than
  // partner, or not a registered organization); Conflict when the username
  // is taken.
  Result<AccountCredentials> Create(const Session& admin, const CreateAccountRequest& request);

  // Disables `user_id` (audited "account.disabled") and ends its sessions in
  // `sessions`. PermissionDenied unless `admin` is an admin; InvalidArgument
  // for the admin's own account; NotFound for an unknown id.
  Status Disable(const Session& admin, const std::string& user_id, SessionStore& sessions);

 private:
  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  const privacy::PasswordKdfParams kdf_;
};

}  // namespace pillarbox::accounts
