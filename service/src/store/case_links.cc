#include "store/case_links.h"

#include <initializer_list>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

// Runs `sql` (a static literal) with the given text parameters; true when it
// changed a row.
Result<bool> RunChange(Database& db, const char* sql, std::initializer_list<std::string_view> params) {
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(sql));
  int index = 1;
  for (std::string_view param : params) statement->BindText(index++, param);
  PB_RETURN_IF_ERROR(statement->Run());
  return db.ChangedRows() > 0;
}

// The first text column of every row of `sql` run with `case_id`.
Result<std::vector<std::string>> ListTexts(Database& db, const char* sql, std::string_view case_id) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(sql));
  select->BindText(1, case_id);
  std::vector<std::string> values;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { values.push_back(row.ColumnText(0)); }));
  return values;
}

Result<int64_t> MoveTableLinks(Database& db, const char* copy_sql, const char* delete_sql, std::string_view source_id,
                               std::string_view target_id) {
  PB_ASSIGN_OR_RETURN(Statement * copy, db.Prepare(copy_sql));
  copy->BindText(1, target_id);
  copy->BindText(2, source_id);
  PB_RETURN_IF_ERROR(copy->Run());
  const int64_t moved = db.ChangedRows();
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(delete_sql));
  remove->BindText(1, source_id);
  PB_RETURN_IF_ERROR(remove->Run());
  return moved;
}

}  // namespace

Result<bool> InsertCaseReport(Database& db, std::string_view case_id, std::string_view report_id,
                              std::string_view added_day) {
  static constexpr char kSql[] =
      "INSERT INTO case_reports (case_id, report_id, added_day) VALUES (?, ?, ?) "
      "ON CONFLICT (case_id, report_id) DO NOTHING";
  return RunChange(db, kSql, {case_id, report_id, added_day});
}

Result<bool> DeleteCaseReport(Database& db, std::string_view case_id, std::string_view report_id) {
  static constexpr char kSql[] = "DELETE FROM case_reports WHERE case_id = ? AND report_id = ?";
  return RunChange(db, kSql, {case_id, report_id});
}

Result<std::string> MarkReportLinkedToCase(Database& db, std::string_view report_id) {
  static constexpr char kStatusSql[] = "SELECT status FROM reports WHERE id = ?";
  static constexpr char kUpdateSql[] =
      "UPDATE reports SET status = 'linked_to_case', revision = revision + 1 "
      "WHERE id = ? AND status IN ('new', 'acknowledged', 'in_review')";
  PB_ASSIGN_OR_RETURN(const auto before, ListTexts(db, kStatusSql, report_id));
  PB_ASSIGN_OR_RETURN(const bool changed, RunChange(db, kUpdateSql, {report_id}));
  if (!changed || before.empty()) return std::string();
  return before.front();
}

Result<bool> TagExists(Database& db, std::string_view tag_id) {
  static constexpr char kSql[] = "SELECT id FROM tags WHERE id = ?";
  PB_ASSIGN_OR_RETURN(auto ids, ListTexts(db, kSql, tag_id));
  return !ids.empty();
}

Result<bool> InsertCaseTag(Database& db, std::string_view case_id, std::string_view tag_id) {
  static constexpr char kSql[] =
      "INSERT INTO case_tags (case_id, tag_id) VALUES (?, ?) ON CONFLICT (case_id, tag_id) DO NOTHING";
  return RunChange(db, kSql, {case_id, tag_id});
}

Result<bool> DeleteCaseTag(Database& db, std::string_view case_id, std::string_view tag_id) {
  static constexpr char kSql[] = "DELETE FROM case_tags WHERE case_id = ? AND tag_id = ?";
  return RunChange(db, kSql, {case_id, tag_id});
}

Result<bool> InsertCasePillar(Database& db, std::string_view case_id, std::string_view pillar) {
  static constexpr char kSql[] =
      "INSERT INTO case_pillars (case_id, pillar) VALUES (?, ?) ON CONFLICT (case_id, pillar) DO NOTHING";
  return RunChange(db, kSql, {case_id, pillar});
}

Result<bool> DeleteCasePillar(Database& db, std::string_view case_id, std::string_view pillar) {
  static constexpr char kSql[] = "DELETE FROM case_pillars WHERE case_id = ? AND pillar = ?";
  return RunChange(db, kSql, {case_id, pillar});
}

Result<std::vector<CaseReportEntry>> ListCaseReports(Database& db, std::string_view case_id) {
  static constexpr char kSql[] =
      "SELECT r.id, r.kind, r.desk_id, r.received_day, r.status FROM case_reports AS l "
      "JOIN reports AS r ON r.id = l.report_id WHERE l.case_id = ? ORDER BY r.received_day DESC, r.id DESC";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, case_id);
  std::vector<CaseReportEntry> reports;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    reports.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3), row.ColumnText(4)});
  }));
  return reports;
}

Result<int64_t> CountCaseReports(Database& db, std::string_view case_id) {
  static constexpr char kSql[] = "SELECT count(*) FROM case_reports WHERE case_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, case_id);
  int64_t count = 0;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { count = row.ColumnInt64(0); }));
  return count;
}

Result<std::vector<TagEntry>> ListCaseTags(Database& db, std::string_view case_id) {
  static constexpr char kSql[] =
      "SELECT t.id, t.name FROM case_tags AS l JOIN tags AS t ON t.id = l.tag_id WHERE l.case_id = ? "
      "ORDER BY t.name COLLATE NOCASE, t.id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, case_id);
  std::vector<TagEntry> tags;
  PB_RETURN_IF_ERROR(
      ForEachRow(*select, [&](const Statement& row) { tags.push_back({row.ColumnText(0), row.ColumnText(1)}); }));
  return tags;
}

Result<std::vector<std::string>> ListCasePillars(Database& db, std::string_view case_id) {
  static constexpr char kSql[] = "SELECT pillar FROM case_pillars WHERE case_id = ? ORDER BY pillar";
  return ListTexts(db, kSql, case_id);
}

Result<std::vector<std::string>> ListCaseActions(Database& db, std::string_view case_id) {
  static constexpr char kSql[] = "SELECT action_id FROM case_actions WHERE case_id = ? ORDER BY action_id";
  return ListTexts(db, kSql, case_id);
}

Result<int64_t> MoveCaseLinks(Database& db, std::string_view source_id, std::string_view target_id) {
  static constexpr char kCopyReportsSql[] =
      "INSERT INTO case_reports (case_id, report_id, added_day) SELECT ?, report_id, added_day FROM case_reports "
      "WHERE case_id = ? ORDER BY report_id ON CONFLICT (case_id, report_id) DO NOTHING";
  static constexpr char kDeleteReportsSql[] = "DELETE FROM case_reports WHERE case_id = ?";
  static constexpr char kCopyTagsSql[] =
      "INSERT INTO case_tags (case_id, tag_id) SELECT ?, tag_id FROM case_tags WHERE case_id = ? ORDER BY tag_id "
      "ON CONFLICT (case_id, tag_id) DO NOTHING";
  static constexpr char kDeleteTagsSql[] = "DELETE FROM case_tags WHERE case_id = ?";
  static constexpr char kCopyPillarsSql[] =
      "INSERT INTO case_pillars (case_id, pillar) SELECT ?, pillar FROM case_pillars WHERE case_id = ? "
      "ORDER BY pillar ON CONFLICT (case_id, pillar) DO NOTHING";
  static constexpr char kDeletePillarsSql[] = "DELETE FROM case_pillars WHERE case_id = ?";
  static constexpr char kCopyActionsSql[] =
      "INSERT INTO case_actions (case_id, action_id) SELECT ?, action_id FROM case_actions WHERE case_id = ? "
      "ORDER BY action_id ON CONFLICT (case_id, action_id) DO NOTHING";
  static constexpr char kDeleteActionsSql[] = "DELETE FROM case_actions WHERE case_id = ?";
  PB_ASSIGN_OR_RETURN(const int64_t reports,
                      MoveTableLinks(db, kCopyReportsSql, kDeleteReportsSql, source_id, target_id));
  PB_RETURN_IF_ERROR(MoveTableLinks(db, kCopyTagsSql, kDeleteTagsSql, source_id, target_id).status());
  PB_RETURN_IF_ERROR(MoveTableLinks(db, kCopyPillarsSql, kDeletePillarsSql, source_id, target_id).status());
  PB_RETURN_IF_ERROR(MoveTableLinks(db, kCopyActionsSql, kDeleteActionsSql, source_id, target_id).status());
  return reports;
}

}  // namespace pillarbox::store
