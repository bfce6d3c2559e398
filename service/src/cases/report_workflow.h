// The workflow of a report, as pure functions: which status changes are
// legal, and what a legal change does to the workflow columns. Every writer
// of reports.status (the status endpoint, adding a report to a case) checks
// its move here, so the rules live in one place.
//
// Statuses, in order: new -> acknowledged -> in_review -> linked_to_case ->
// closed. Any forward move is legal (skipping steps too); closing needs a
// reason (actioned, insufficient, duplicate, out_of_scope) and only closing
// takes one; a closed report reopens to in_review, which clears its reason.
// Nothing else is legal: not staying put, not going back, not leaving
// closed for anything but in_review. Thread-safe (no state).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::cases {

inline constexpr std::array<std::string_view, 5> kReportStatuses = {"new", "acknowledged", "in_review",
                                                                   "linked_to_case", "closed"};
inline constexpr std::array<std::string_view, 4> kCloseReasons = {"actioned", "insufficient", "duplicate",
                                                                 "out_of_scope"};

// True for one of kReportStatuses.
bool IsReportStatus(std::string_view status);

// True for one of kCloseReasons.
bool IsCloseReason(std::string_view reason);

// The workflow columns of a report that a status change reads and writes.
struct WorkflowState {
  std::string status;            // one of kReportStatuses
  std::string close_reason;      // "" unless closed
  std::string acknowledged_day;  // "" until the report first leaves "new"
  bool operator==(const WorkflowState&) const = default;
};

// Whether `to` and `reason` make a well-formed request, whatever the current
// status: InvalidArgument naming "status" when `to` is not a status, naming
// "reason" when closing without a valid reason or giving one to anything
// but closing.
Status CheckTransitionRequest(std::string_view to, std::string_view reason);

// Whether moving from `from` to `to` with `reason` ("" for none) is legal.
// InvalidArgument naming "status" when `to` is not a status; InvalidArgument
// naming "reason" when closing without a valid reason, or giving a reason to
// anything but closing; Conflict naming "status" when the move is illegal
// from `from` (including from == to).
Status CheckTransition(std::string_view from, std::string_view to, std::string_view reason);

// The state after moving `current` to `to` with `reason` on `today`
// ("YYYY-MM-DD"): the new status, the reason (cleared unless closed) and
// acknowledged_day set to `today` the first time the report leaves "new".
// Errors as CheckTransition.
Result<WorkflowState> ApplyTransition(const WorkflowState& current, std::string_view to, std::string_view reason,
                                      const std::string& today);

}  // namespace pillarbox::cases
