#include "app/instance_creation.h"

#include "privacy/envelope.h"
#include "store/desk_repository.h"
#include "store/transaction.h"
#include "store/user_repository.h"

namespace pillarbox::app {

Result<CreatedInstance> CreateInstanceRecords(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                                              const accounts::NewAccountRequest& admin) {
  PB_ASSIGN_OR_RETURN(auto account, accounts::CreateNewAccount(admin));
  store::Transaction transaction(db);
  PB_RETURN_IF_ERROR(transaction.Begin());
  PB_RETURN_IF_ERROR(store::InsertUser(db, account.record));
  CreatedInstance created{account.credentials, {}};
  for (const std::string& kind : catalog.Kinds()) {
    privacy::BoxKeyPair desk_keys = privacy::BoxKeyPair::Generate();
    store::DeskRecord desk{kind, catalog.Find(kind)->title, 1, desk_keys.public_key, {kind}};
    PB_RETURN_IF_ERROR(store::InsertDesk(db, desk));
    store::DeskMemberRecord member{kind, account.record.id, 1,
                                   privacy::SealKeyTo(account.public_key, desk_keys.secret_key)};
    PB_RETURN_IF_ERROR(store::InsertDeskMember(db, member));
    created.desk_ids.push_back(kind);
  }
  PB_RETURN_IF_ERROR(transaction.Commit());
  return created;
}

}  // namespace pillarbox::app
