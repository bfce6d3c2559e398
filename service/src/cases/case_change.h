// Recording a change to a case, inside the write that makes it: one
// case_events row (the timeline reviewers read) and one audit entry (the
// tamper-evident log), both with ids and closed values only. Also the
// check every change starts with: the case exists and is not merged.
// Functions for the group-commit writer's thread (they take its Database).
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/case_rows.h"
#include "store/database.h"

namespace pillarbox::cases {

// One change: who did it, to which case, what ("case.title.changed") and
// closed details ("report=<id>"; "" when none).
struct CaseChange {
  std::string actor;
  std::string case_id;
  std::string event;
  std::string detail;
};

// Appends `change` to the case's timeline and to the audit log, at the
// clock's time. InvalidArgument when the audit log refuses its characters;
// the store's error otherwise. Must run inside the writer's op.
Status RecordCaseChange(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                        const CaseChange& change);

// Case `case_id` as it is now, when it may still change. NotFound when it
// does not exist; Conflict when it has been merged into another case.
Result<store::CaseRecord> LoadChangeableCase(store::Database& db, std::string_view case_id);

}  // namespace pillarbox::cases
