// TriageRow: what the triage queue shows of one report, all from clear
// columns (no decryption): the summary, the workflow columns, tag ids and
// pillars. A plain value type: thread-compatible. Loaded by
// store/triage_queries.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/report_queries.h"

namespace pillarbox::store {

struct TriageRow {
  ReportSummary summary;
  std::string assignee_id;         // "" when unassigned
  std::string close_reason;        // "" unless closed
  std::string acknowledged_day;    // "" until it first left "new"
  std::string first_feedback_day;  // "" until a reviewer first wrote to the reporter
  int64_t revision = 0;
  std::vector<std::string> tags;     // tag ids, sorted
  std::vector<std::string> pillars;  // sorted
  bool operator==(const TriageRow&) const = default;
};

}  // namespace pillarbox::store
