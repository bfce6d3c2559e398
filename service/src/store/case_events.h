// The case timeline (schema/004: case_events): what happened to a case, in
// order, with ids and closed values only. Functions, not a class: each takes
// the Database to use. Thread-compatible; appends must run on the single
// writer connection so two appends never pick the same seq.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// One row of case_events.
struct CaseEventRecord {
  int64_t seq = 0;
  int64_t at = 0;  // unix seconds
  std::string actor_id;
  std::string event;   // e.g. "case.report.added"
  std::string detail;  // "" or "key=value;key=value"
  bool operator==(const CaseEventRecord&) const = default;
};

// Appends `event` to case `case_id`'s timeline with seq = last seq + 1 (the
// given seq is ignored). Conflict when the case does not exist.
Status AppendCaseEvent(Database& db, std::string_view case_id, const CaseEventRecord& event);

// The timeline of case `case_id`, oldest first (by seq).
Result<std::vector<CaseEventRecord>> ListCaseEvents(Database& db, std::string_view case_id);

}  // namespace pillarbox::store
