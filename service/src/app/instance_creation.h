// Creation of a new instance's database content: desks (one per kind, with a
// fresh key pair) and the first admin, who receives every desk key sealed to
// their public key. Each step is recorded in the audit log.
#pragma once

#include <string>
#include <vector>

#include "accounts/new_account.h"
#include "common/clock.h"
#include "common/status.h"
#include "intake/questionnaire_catalog.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::app {

struct CreatedInstance {
  accounts::AccountCredentials admin;
  std::vector<std::string> desk_ids;
};

// In one transaction: one desk per kind of `catalog` (id = kind, name = the
// questionnaire title) and the admin account described by `admin`, with their
// audit entries (actor "cli", time from `clock`, chained under `audit_key`):
// "instance.created", "account.created" (detail "role=<role>"), then per desk
// "desk.created" and "desk.member.added" (detail "user=<id>;key_version=1").
// `db` must be at the newest schema with an empty audit log. Nothing is
// written when any step fails.
Result<CreatedInstance> CreateInstanceRecords(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                                              const accounts::NewAccountRequest& admin,
                                              const privacy::SecretKey& audit_key, const Clock& clock);

}  // namespace pillarbox::app
