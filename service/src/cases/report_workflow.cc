#include "cases/report_workflow.h"

#include <algorithm>

namespace pillarbox::cases {
namespace {

// Position of `status` in kReportStatuses; requires IsReportStatus(status).
size_t Rank(std::string_view status) {
  return static_cast<size_t>(std::find(kReportStatuses.begin(), kReportStatuses.end(), status) -
                             kReportStatuses.begin());
}

}  // namespace

bool IsReportStatus(std::string_view status) {
  return std::find(kReportStatuses.begin(), kReportStatuses.end(), status) != kReportStatuses.end();
}

bool IsCloseReason(std::string_view reason) {
  return std::find(kCloseReasons.begin(), kCloseReasons.end(), reason) != kCloseReasons.end();
}

Status CheckTransitionRequest(std::string_view to, std::string_view reason) {
  if (!IsReportStatus(to)) return Status::InvalidArgument("is not a report status", "status");
  if (to == "closed" && !IsCloseReason(reason)) {
    return Status::InvalidArgument("closing needs a reason: actioned, insufficient, duplicate or out_of_scope",
                                   "reason");
  }
  if (to != "closed" && !reason.empty()) return Status::InvalidArgument("only closing takes a reason", "reason");
  return Status::Ok();
}

Status CheckTransition(std::string_view from, std::string_view to, std::string_view reason) {
  PB_RETURN_IF_ERROR(CheckTransitionRequest(to, reason));
  if (!IsReportStatus(from)) return Status::Conflict("the report is in an unknown status", "status");
  const bool reopen = from == "closed" && to == "in_review";
  const bool forward = from != "closed" && Rank(to) > Rank(from);
  if (!reopen && !forward) return Status::Conflict("this status change is not allowed from the current status", "status");
  return Status::Ok();
}

Result<WorkflowState> ApplyTransition(const WorkflowState& current, std::string_view to, std::string_view reason,
                                      const std::string& today) {
  PB_RETURN_IF_ERROR(CheckTransition(current.status, to, reason));
  WorkflowState next;
  next.status = std::string(to);
  next.close_reason = to == "closed" ? std::string(reason) : std::string();
  next.acknowledged_day = current.acknowledged_day.empty() ? today : current.acknowledged_day;
  return next;
}

}  // namespace pillarbox::cases
