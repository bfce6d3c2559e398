// The workflow columns of reports (status, close reason, assignee,
// acknowledged day, revision): read one report's, and update them only when
// the caller saw the current revision (optimistic concurrency: no lost
// update). Also who may be assigned a desk's reports. Free functions on a
// Database; thread-compatible (as that Database). Updates belong on the
// group-commit writer's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

struct WorkflowRow {
  std::string id;
  std::string desk_id;
  std::string status;
  std::string close_reason;      // "" when none
  std::string acknowledged_day;  // "" when never acknowledged
  std::string assignee_id;       // "" when unassigned
  int64_t revision = 0;
};

// The workflow columns of report `id`, or nullopt when there is none.
Result<std::optional<WorkflowRow>> LoadWorkflowRow(Database& db, std::string_view id);

// Sets status, close_reason ("" = NULL) and acknowledged_day ("" = NULL) of
// report `id` and bumps its revision, only if its revision is still
// `expected_revision`; Conflict naming "revision" otherwise. closed_day
// (schema/009) follows the status: kept when the report was already closed,
// `today` when it becomes closed, NULL when it is not closed.
Status UpdateReportStatus(Database& db, std::string_view id, int64_t expected_revision, std::string_view status,
                          std::string_view close_reason, std::string_view acknowledged_day, std::string_view today);

// Sets assignee_id ("" = NULL) of report `id` and bumps its revision, only if
// its revision is still `expected_revision`; Conflict naming "revision" otherwise.
Status UpdateReportAssignee(Database& db, std::string_view id, int64_t expected_revision,
                            std::string_view assignee_id);

// True when `user_id` is an enabled admin or reviewer holding the current key
// of `desk_id` (a member of the desk now, not one removed before a rotation).
Result<bool> IsDeskReviewer(Database& db, std::string_view user_id, std::string_view desk_id);

}  // namespace pillarbox::store
