#include "accounts/desk_membership.h"

#include <map>
#include <optional>

#include "accounts/desk_key_access.h"
#include "accounts/desk_key_rotation.h"
#include "audit/audit_log.h"
#include "privacy/envelope.h"
#include "store/desk_repository.h"
#include "store/user_repository.h"

namespace pillarbox::accounts {
namespace {

bool ReadsReports(const std::string& role) { return role == "admin" || role == "reviewer"; }

Result<std::optional<store::DeskRecord>> FindDesk(store::Database& db, const std::string& desk_id) {
  PB_ASSIGN_OR_RETURN(std::vector<store::DeskRecord> desks, store::ListDesks(db));
  for (store::DeskRecord& desk : desks) {
    if (desk.id == desk_id) return std::optional<store::DeskRecord>(std::move(desk));
  }
  return std::optional<store::DeskRecord>();
}

privacy::BoxPublicKey PublicKeyOf(const store::UserRecord& user) {
  privacy::BoxPublicKey key;
  std::copy(user.public_key.begin(), user.public_key.end(), key.bytes.begin());
  return key;
}

// The write of Add: runs on the writer thread, inside its own savepoint.
Status AddMember(store::Database& db, const Session& admin, const std::string& desk_id, const std::string& user_id,
                 const privacy::SecretKey& audit_key, const Clock& clock) {
  PB_ASSIGN_OR_RETURN(const auto desk, FindDesk(db, desk_id));
  if (!desk.has_value()) return Status::NotFound("no such desk");
  PB_ASSIGN_OR_RETURN(const auto user, store::FindUserById(db, user_id));
  if (!user.has_value()) return Status::NotFound("no such user");
  if (user->disabled) return Status::InvalidArgument("this account is disabled", "user_id");
  if (!ReadsReports(user->role)) return Status::InvalidArgument("partners and researchers belong to no desk", "user_id");
  PB_ASSIGN_OR_RETURN(const auto existing, store::ListMembershipsOfUser(db, user_id));
  for (const auto& membership : existing) {
    if (membership.desk_id == desk_id) return Status::Conflict("already a member of this desk");
  }
  return GrantDeskKeys(db, admin, desk_id, user_id, PublicKeyOf(*user), audit_key, clock, "desk");
}

// The write of Remove: deletes the member's keys and installs a new key
// version sealed to the remaining enabled members (RotateDeskKey). Sets `rotated`.
Status RemoveMember(store::Database& db, const Session& admin, const std::string& desk_id, const std::string& user_id,
                    const privacy::SecretKey& audit_key, const Clock& clock, intake::DeskKey& rotated) {
  PB_ASSIGN_OR_RETURN(const auto desk, FindDesk(db, desk_id));
  if (!desk.has_value()) return Status::NotFound("no such desk");
  PB_ASSIGN_OR_RETURN(const int64_t removed, store::DeleteDeskMemberships(db, desk_id, user_id));
  if (removed == 0) return Status::NotFound("this user is not a member of this desk");
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, audit_key, clock,
                                             {admin.identity.user_id, "desk.member.removed", "desk", desk_id,
                                              "user=" + user_id}));
  PB_ASSIGN_OR_RETURN(rotated, RotateDeskKey(db, admin.identity.user_id, desk_id, audit_key, clock));
  return Status::Ok();
}

}  // namespace

Status GrantDeskKeys(store::Database& db, const Session& granter, const std::string& desk_id,
                     const std::string& member_id, const privacy::BoxPublicKey& member_key,
                     const privacy::SecretKey& audit_key, const Clock& clock, const std::string& field) {
  PB_ASSIGN_OR_RETURN(const auto keys, AllDeskKeysOf(granter, db, desk_id));
  if (keys.empty()) return Status::InvalidArgument("you hold no key of this desk", field);
  for (const UnlockedDeskKey& key : keys) {
    PB_RETURN_IF_ERROR(store::InsertDeskMember(
        db, {desk_id, member_id, key.key_version, privacy::SealKeyTo(member_key, key.key_pair.secret_key)}));
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
        db, audit_key, clock,
        {granter.identity.user_id, "desk.member.added", "desk", desk_id,
         "user=" + member_id + ";key_version=" + std::to_string(key.key_version)}));
  }
  return Status::Ok();
}

DeskMembership::DeskMembership(store::GroupCommitWriter& writer, store::ReaderPool& readers,
                               store::SqliteDeskDirectory& directory, SessionStore& sessions,
                               const privacy::SecretKey& audit_key, const Clock& clock)
    : writer_(writer), readers_(readers), directory_(directory), sessions_(sessions), audit_key_(audit_key),
      clock_(clock) {}

Result<std::vector<DeskView>> DeskMembership::List(const Session& admin) {
  if (admin.identity.role != "admin") return Status::PermissionDenied("only admins manage desks");
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const auto desks, store::ListDesks(lease.db()));
  PB_ASSIGN_OR_RETURN(auto roster, store::ListDeskRosters(lease.db()));
  std::vector<DeskView> views;
  for (const store::DeskRecord& desk : desks) {
    DeskView view{desk.id, desk.name, desk.kinds, desk.key_version, {}};
    for (store::DeskRosterEntry& entry : roster) {
      if (entry.desk_id == desk.id) view.members.push_back(entry);
    }
    views.push_back(std::move(view));
  }
  return views;
}

Status DeskMembership::Add(const Session& admin, const std::string& desk_id, const std::string& user_id) {
  if (admin.identity.role != "admin") return Status::PermissionDenied("only admins manage desks");
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) {
    return AddMember(db, admin, desk_id, user_id, audit_key_, clock_);
  }));
  sessions_.RevokeUser(user_id);  // the next login unlocks the new desk
  return Status::Ok();
}

Result<uint32_t> DeskMembership::Remove(const Session& admin, const std::string& desk_id, const std::string& user_id) {
  if (admin.identity.role != "admin") return Status::PermissionDenied("only admins manage desks");
  intake::DeskKey rotated;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&](store::Database& db) {
    return RemoveMember(db, admin, desk_id, user_id, audit_key_, clock_, rotated);
  }));
  directory_.InstallKey(rotated);  // committed: future reports are sealed to the new key
  sessions_.RevokeUser(user_id);
  return rotated.key_version;
}

}  // namespace pillarbox::accounts
