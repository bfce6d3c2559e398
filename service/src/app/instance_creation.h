// Creation of a new instance's database content: desks (one per kind, with a
// fresh key pair) and the first admin, who receives every desk key sealed to
// their public key.
#pragma once

#include <string>
#include <vector>

#include "accounts/new_account.h"
#include "common/status.h"
#include "intake/questionnaire_catalog.h"
#include "store/database.h"

namespace pillarbox::app {

struct CreatedInstance {
  accounts::AccountCredentials admin;
  std::vector<std::string> desk_ids;
};

// In one transaction: one desk per kind of `catalog` (id = kind, name = the
// questionnaire title) and the admin account described by `admin`. Nothing is
// written when any step fails.
Result<CreatedInstance> CreateInstanceRecords(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                                              const accounts::NewAccountRequest& admin);

}  // namespace pillarbox::app
