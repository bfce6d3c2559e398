#include "store/report_label_repository.h"

namespace pillarbox::store {
namespace {

// Runs `sql` with (label, received_day, report id) bound; true when a row changed.
Result<bool> RunLinkStatement(Database& db, const char* sql, const ReportRef& report, std::string_view label) {
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(sql));
  statement->BindText(1, label);
  statement->BindText(2, report.received_day);
  statement->BindText(3, report.id);
  PB_RETURN_IF_ERROR(statement->Run());
  return db.ChangedRows() > 0;
}

// The text columns of every row of `select` (already bound): column 0, or columns 0 and 1.
Result<std::vector<std::vector<std::string>>> ReadTextRows(Statement& select, int columns) {
  std::vector<std::vector<std::string>> rows;
  for (;;) {
    Result<bool> row = select.Step();
    if (!row.ok()) {
      select.Reset();
      return row.status();
    }
    if (!*row) break;
    std::vector<std::string> values;
    for (int column = 0; column < columns; ++column) values.push_back(select.ColumnText(column));
    rows.push_back(std::move(values));
  }
  select.Reset();
  return rows;
}

}  // namespace

Result<bool> AddReportTag(Database& db, const ReportRef& report, std::string_view tag_id) {
  static constexpr char kAddSql[] =
      "INSERT OR IGNORE INTO report_tags (tag_id, received_day, report_id) VALUES (?, ?, ?)";
  return RunLinkStatement(db, kAddSql, report, tag_id);
}

Result<bool> RemoveReportTag(Database& db, const ReportRef& report, std::string_view tag_id) {
  static constexpr char kRemoveSql[] =
      "DELETE FROM report_tags WHERE tag_id = ? AND received_day = ? AND report_id = ?";
  return RunLinkStatement(db, kRemoveSql, report, tag_id);
}

Result<bool> AddReportPillar(Database& db, const ReportRef& report, std::string_view pillar) {
  static constexpr char kAddSql[] =
      "INSERT OR IGNORE INTO report_pillars (pillar, received_day, report_id, desk_id, kind, region) "
      "SELECT ?1, ?2, ?3, desk_id, kind, region FROM reports WHERE id = ?3";
  return RunLinkStatement(db, kAddSql, report, pillar);
}

Result<bool> RemoveReportPillar(Database& db, const ReportRef& report, std::string_view pillar) {
  static constexpr char kRemoveSql[] =
      "DELETE FROM report_pillars WHERE pillar = ? AND received_day = ? AND report_id = ?";
  return RunLinkStatement(db, kRemoveSql, report, pillar);
}

Result<std::vector<TagRecord>> ListReportTags(Database& db, std::string_view report_id) {
  static constexpr char kListSql[] =
      "SELECT tags.id, tags.name FROM report_tags INDEXED BY report_tags_by_report "
      "JOIN tags ON tags.id = report_tags.tag_id WHERE report_tags.report_id = ? "
      "ORDER BY tags.name COLLATE NOCASE, tags.id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, report_id);
  PB_ASSIGN_OR_RETURN(const auto rows, ReadTextRows(*select, 2));
  std::vector<TagRecord> tags;
  for (const auto& row : rows) tags.push_back({row[0], row[1]});
  return tags;
}

Result<std::vector<std::string>> ListReportPillars(Database& db, std::string_view report_id) {
  static constexpr char kListSql[] =
      "SELECT pillar FROM report_pillars INDEXED BY report_pillars_by_report WHERE report_id = ? ORDER BY pillar";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, report_id);
  PB_ASSIGN_OR_RETURN(const auto rows, ReadTextRows(*select, 1));
  std::vector<std::string> pillars;
  for (const auto& row : rows) pillars.push_back(row[0]);
  return pillars;
}

}  // namespace pillarbox::store
