#include "cases/workflow_service.h"

#include "audit/audit_log.h"
#include "cases/report_access.h"
#include "cases/report_workflow.h"
#include "store/report_workflow_rows.h"
#include "store/triage_queries.h"

namespace pillarbox::cases {
namespace {

// The report's workflow row when `session` may work on it; NotFound otherwise.
Result<store::WorkflowRow> VisibleWorkflowRow(store::Database& db, const accounts::Session& session,
                                              std::string_view report_id) {
  PB_ASSIGN_OR_RETURN(auto row, store::LoadWorkflowRow(db, report_id));
  if (!row.has_value() || DesksOf(session).count(row->desk_id) == 0) return Status::NotFound("no such report");
  return std::move(*row);
}

Status CheckRevision(const store::WorkflowRow& row, int64_t revision) {
  if (row.revision != revision) return Status::Conflict("the report changed since you read it", "revision");
  return Status::Ok();
}

// Common checks before a change: role, id shape, revision shape.
Status CheckRequest(const accounts::Session& session, std::string_view report_id, int64_t revision) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot change reports");
  if (!IsRandomId(report_id)) return Status::NotFound("no such report");
  if (revision < 0) return Status::InvalidArgument("must be the report's revision", "revision");
  return Status::Ok();
}

}  // namespace

WorkflowService::WorkflowService(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key,
                                 const Clock& clock)
    : writer_(writer), audit_key_(audit_key), clock_(clock) {}

Result<TriageItem> WorkflowService::Describe(store::Database& reader, std::string_view report_id) {
  TriageItem item;
  PB_RETURN_IF_ERROR(LoadItem(reader, report_id, item));
  return item;
}

Status WorkflowService::LoadItem(store::Database& db, std::string_view report_id, TriageItem& out) {
  PB_ASSIGN_OR_RETURN(auto row, store::LoadTriageRow(db, report_id));
  if (!row.has_value()) return Status::NotFound("no such report");
  PB_ASSIGN_OR_RETURN(const Deadlines deadlines, LoadDeadlines(db));
  out = MakeTriageItem(std::move(*row), deadlines, UtcDay(clock_.NowUnixSeconds()));
  return Status::Ok();
}

Status WorkflowService::ChangeStatusIn(store::Database& db, const accounts::Session& session,
                                       std::string_view report_id, const StatusChange& change, TriageItem& out) {
  PB_ASSIGN_OR_RETURN(const store::WorkflowRow row, VisibleWorkflowRow(db, session, report_id));
  PB_RETURN_IF_ERROR(CheckRevision(row, change.revision));
  const WorkflowState current{row.status, row.close_reason, row.acknowledged_day};
  PB_ASSIGN_OR_RETURN(const WorkflowState next, ApplyTransition(current, change.status, change.reason,
                                                                UtcDay(clock_.NowUnixSeconds())));
  PB_RETURN_IF_ERROR(store::UpdateReportStatus(db, row.id, row.revision, next.status, next.close_reason,
                                               next.acknowledged_day, UtcDay(clock_.NowUnixSeconds())));
  std::string detail = "from=" + row.status + ";to=" + next.status;
  if (!next.close_reason.empty()) detail += ";reason=" + next.close_reason;
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
      db, audit_key_, clock_, {session.identity.user_id, "report.status.changed", "report", row.id, detail}));
  return LoadItem(db, row.id, out);
}

Status WorkflowService::AssignIn(store::Database& db, const accounts::Session& session, std::string_view report_id,
                                 const std::string& assignee_id, int64_t revision, TriageItem& out) {
  PB_ASSIGN_OR_RETURN(const store::WorkflowRow row, VisibleWorkflowRow(db, session, report_id));
  PB_RETURN_IF_ERROR(CheckRevision(row, revision));
  if (!assignee_id.empty()) {
    PB_ASSIGN_OR_RETURN(const bool eligible, store::IsDeskReviewer(db, assignee_id, row.desk_id));
    if (!eligible) {
      return Status::InvalidArgument("must be an enabled reviewer or admin of the report's desk", "assignee");
    }
  }
  PB_RETURN_IF_ERROR(store::UpdateReportAssignee(db, row.id, row.revision, assignee_id));
  const std::string detail = "assignee=" + (assignee_id.empty() ? std::string("none") : assignee_id);
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
      db, audit_key_, clock_, {session.identity.user_id, "report.assigned", "report", row.id, detail}));
  return LoadItem(db, row.id, out);
}

Result<TriageItem> WorkflowService::ChangeStatus(const accounts::Session& session, std::string_view report_id,
                                                 const StatusChange& change) {
  PB_RETURN_IF_ERROR(CheckRequest(session, report_id, change.revision));
  PB_RETURN_IF_ERROR(CheckTransitionRequest(change.status, change.reason));
  TriageItem item;
  const std::string id(report_id);
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait(
      [this, &session, &id, &change, &item](store::Database& db) { return ChangeStatusIn(db, session, id, change, item); }));
  return item;
}

Result<TriageItem> WorkflowService::Assign(const accounts::Session& session, std::string_view report_id,
                                           const std::string& assignee_id, int64_t revision) {
  PB_RETURN_IF_ERROR(CheckRequest(session, report_id, revision));
  if (!assignee_id.empty() && !IsRandomId(assignee_id)) {
    return Status::InvalidArgument("must be a user id or null", "assignee");
  }
  TriageItem item;
  const std::string id(report_id);
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([this, &session, &id, &assignee_id, revision, &item](store::Database& db) {
    return AssignIn(db, session, id, assignee_id, revision, item);
  }));
  return item;
}

}  // namespace pillarbox::cases
