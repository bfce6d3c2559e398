#include "app/instance_creation.h"

#include "audit/audit_log.h"
#include "privacy/envelope.h"
#include "store/desk_repository.h"
#include "store/transaction.h"
#include "store/user_repository.h"

namespace pillarbox::app {
namespace {

constexpr char kActor[] = "cli";

// Inserts the desk for `kind` and the admin's membership, with their audit entries.
Status CreateDesk(store::Database& db, const intake::QuestionnaireCatalog& catalog, const std::string& kind,
                  const accounts::NewAccount& admin, const privacy::SecretKey& audit_key, const Clock& clock) {
  privacy::BoxKeyPair desk_keys = privacy::BoxKeyPair::Generate();
  store::DeskRecord desk{kind, catalog.Find(kind)->title, 1, desk_keys.public_key, {kind}};
  PB_RETURN_IF_ERROR(store::InsertDesk(db, desk));
  PB_RETURN_IF_ERROR(
      audit::AppendAuditEntry(db, audit_key, clock, {kActor, "desk.created", "desk", kind, "key_version=1"}));
  store::DeskMemberRecord member{kind, admin.record.id, 1, privacy::SealKeyTo(admin.public_key, desk_keys.secret_key)};
  PB_RETURN_IF_ERROR(store::InsertDeskMember(db, member));
  return audit::AppendAuditEntry(
      db, audit_key, clock, {kActor, "desk.member.added", "desk", kind, "user=" + admin.record.id + ";key_version=1"});
}

}  // namespace

Result<CreatedInstance> CreateInstanceRecords(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                                              const accounts::NewAccountRequest& admin,
                                              const privacy::SecretKey& audit_key, const Clock& clock) {
  PB_ASSIGN_OR_RETURN(auto account, accounts::CreateNewAccount(admin));
  store::Transaction transaction(db);
  PB_RETURN_IF_ERROR(transaction.Begin());
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(db, audit_key, clock, {kActor, "instance.created", "instance", "", ""}));
  PB_RETURN_IF_ERROR(store::InsertUser(db, account.record));
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
      db, audit_key, clock, {kActor, "account.created", "user", account.record.id, "role=" + account.record.role}));
  CreatedInstance created{account.credentials, {}};
  for (const std::string& kind : catalog.Kinds()) {
    PB_RETURN_IF_ERROR(CreateDesk(db, catalog, kind, account, audit_key, clock));
    created.desk_ids.push_back(kind);
  }
  PB_RETURN_IF_ERROR(transaction.Commit());
  return created;
}

}  // namespace pillarbox::app
