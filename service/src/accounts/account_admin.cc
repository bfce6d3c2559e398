#include "accounts/account_admin.h"

#include <future>
#include <memory>

#include "accounts/desk_membership.h"
#include "audit/audit_log.h"
#include "privacy/envelope.h"
#include "store/organization_rows.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {
namespace {

// The admin's newest unlocked key of `desk_id`, or nullptr.
const UnlockedDeskKey* NewestDeskKey(const Session& session, const std::string& desk_id) {
  const UnlockedDeskKey* newest = nullptr;
  for (const UnlockedDeskKey& key : session.keys.desk_keys) {
    if (key.desk_id == desk_id && (newest == nullptr || key.key_version > newest->key_version)) newest = &key;
  }
  return newest;
}

Status CheckDesks(const Session& admin, const CreateAccountRequest& request) {
  const bool reads_reports = request.role == "admin" || request.role == "reviewer";
  if (!reads_reports && !request.desks.empty()) {
    return Status::InvalidArgument("partners and researchers belong to no desk", "desks");
  }
  for (const std::string& desk : request.desks) {
    if (NewestDeskKey(admin, desk) == nullptr) {
      return Status::InvalidArgument("you hold no key of one of these desks", "desks");
    }
  }
  return Status::Ok();
}

// Makes the new partner a member of its organization, checked inside the write.
Status JoinOrganization(store::Database& db, const std::string& user_id, const std::string& organization_id) {
  const Status unknown = Status::InvalidArgument("is not a registered organization", "organization_id");
  if (organization_id.size() != 32) return unknown;
  PB_ASSIGN_OR_RETURN(const auto organization, store::LoadOrganization(db, organization_id));
  if (!organization.has_value()) return unknown;
  return store::InsertOrganizationMember(db, user_id, organization_id);
}

}  // namespace

AccountAdmin::AccountAdmin(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key, const Clock& clock,
                           privacy::PasswordKdfParams kdf)
    : writer_(writer), audit_key_(audit_key), clock_(clock), kdf_(kdf) {}

Result<AccountCredentials> AccountAdmin::Create(const Session& admin, const CreateAccountRequest& request) {
  if (admin.identity.role != "admin") return Status::PermissionDenied("only admins create accounts");
  PB_RETURN_IF_ERROR(CheckDesks(admin, request));
  if (!request.organization_id.empty() && request.role != "partner") {
    return Status::InvalidArgument("only partner accounts belong to an organization", "organization_id");
  }
  PB_ASSIGN_OR_RETURN(NewAccount account,
                      CreateNewAccount({request.username, request.role, UtcDay(clock_.NowUnixSeconds()), kdf_}));
  const std::string actor = admin.identity.user_id;
  auto write = [&](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::InsertUser(db, account.record));
    std::string detail = "role=" + account.record.role;
    if (!request.organization_id.empty()) {
      PB_RETURN_IF_ERROR(JoinOrganization(db, account.record.id, request.organization_id));
      detail += ";organization=" + request.organization_id;
    }
    PB_RETURN_IF_ERROR(
        audit::AppendAuditEntry(db, audit_key_, clock_, {actor, "account.created", "user", account.record.id, detail}));
    for (const std::string& desk : request.desks) {
      PB_RETURN_IF_ERROR(
          GrantDeskKeys(db, admin, desk, account.record.id, account.public_key, audit_key_, clock_, "desks"));
    }
    return Status::Ok();
  };
  const Status stored = writer_.SubmitAndWait(std::move(write));
  if (stored.code() == StatusCode::kConflict) return Status::Conflict("this username is taken");
  PB_RETURN_IF_ERROR(stored);
  return account.credentials;
}

Status AccountAdmin::Disable(const Session& admin, const std::string& user_id, SessionStore& sessions) {
  if (admin.identity.role != "admin") return Status::PermissionDenied("only admins disable accounts");
  if (user_id == admin.identity.user_id) return Status::InvalidArgument("cannot disable your own account", "id");
  auto write = [this, actor = admin.identity.user_id, user_id](store::Database& db) -> Status {
    PB_RETURN_IF_ERROR(store::DisableUser(db, user_id));
    return audit::AppendAuditEntry(db, audit_key_, clock_, {actor, "account.disabled", "user", user_id, ""});
  };
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait(std::move(write)));
  sessions.RevokeUser(user_id);
  return Status::Ok();
}

}  // namespace pillarbox::accounts
