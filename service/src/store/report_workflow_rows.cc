#include "store/report_workflow_rows.h"

namespace pillarbox::store {
namespace {

void BindNullable(Statement& statement, int index, std::string_view value) {
  if (value.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindText(index, value);
  }
}

Status RequireOneChange(Database& db) {
  if (db.ChangedRows() != 1) return Status::Conflict("the report changed since you read it", "revision");
  return Status::Ok();
}

}  // namespace

Result<std::optional<WorkflowRow>> LoadWorkflowRow(Database& db, std::string_view id) {
  static constexpr char kLoadSql[] =
      "SELECT id, desk_id, status, close_reason, acknowledged_day, assignee_id, revision FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadSql));
  select->BindText(1, id);
  Result<bool> row = select->Step();
  std::optional<WorkflowRow> workflow;
  if (row.ok() && *row) {
    workflow = WorkflowRow{select->ColumnText(0), select->ColumnText(1), select->ColumnText(2),
                           select->ColumnText(3), select->ColumnText(4), select->ColumnText(5),
                           select->ColumnInt64(6)};
  }
  select->Reset();
  if (!row.ok()) return row.status();
  return workflow;
}

Status UpdateReportStatus(Database& db, std::string_view id, int64_t expected_revision, std::string_view status,
                          std::string_view close_reason, std::string_view acknowledged_day, std::string_view today) {
  static constexpr char kUpdateSql[] =
      "UPDATE reports SET status = ?1, close_reason = ?2, acknowledged_day = ?3, revision = revision + 1, "
      "closed_day = CASE WHEN ?1 = 'closed' THEN coalesce(closed_day, ?6) ELSE NULL END "
      "WHERE id = ?4 AND revision = ?5";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kUpdateSql));
  update->BindText(1, status);
  BindNullable(*update, 2, close_reason);
  BindNullable(*update, 3, acknowledged_day);
  update->BindText(4, id);
  update->BindInt64(5, expected_revision);
  update->BindText(6, today);
  PB_RETURN_IF_ERROR(update->Run());
  return RequireOneChange(db);
}

Status UpdateReportAssignee(Database& db, std::string_view id, int64_t expected_revision,
                            std::string_view assignee_id) {
  static constexpr char kUpdateSql[] =
      "UPDATE reports SET assignee_id = ?, revision = revision + 1 WHERE id = ? AND revision = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kUpdateSql));
  BindNullable(*update, 1, assignee_id);
  update->BindText(2, id);
  update->BindInt64(3, expected_revision);
  PB_RETURN_IF_ERROR(update->Run());
  return RequireOneChange(db);
}

Result<bool> IsDeskReviewer(Database& db, std::string_view user_id, std::string_view desk_id) {
  static constexpr char kMemberSql[] =
      "SELECT 1 FROM users u JOIN desk_members m ON m.user_id = u.id JOIN desks d ON d.id = m.desk_id "
      "WHERE u.id = ? AND m.desk_id = ? AND m.key_version = d.key_version AND u.disabled = 0 "
      "AND u.role IN ('admin', 'reviewer')";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kMemberSql));
  select->BindText(1, user_id);
  select->BindText(2, desk_id);
  Result<bool> row = select->Step();
  select->Reset();
  return row;
}

}  // namespace pillarbox::store
