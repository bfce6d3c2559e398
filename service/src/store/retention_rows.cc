#include "store/retention_rows.h"

#include <initializer_list>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

// The ids a query returns, in its order; it binds `texts` as ?1, ?2, ...
// and `limit` after them.
Result<std::vector<std::string>> ListIds(Database& db, const char* sql, std::initializer_list<std::string_view> texts,
                                         int64_t limit) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(sql));
  int index = 1;
  for (std::string_view text : texts) select->BindText(index++, text);
  select->BindInt64(index, limit);
  std::vector<std::string> ids;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { ids.push_back(row.ColumnText(0)); }));
  return ids;
}

// A report linked to an open case or to a case on legal hold is kept.
#define PB_REPORT_NOT_PROTECTED                                                  \
  "NOT EXISTS (SELECT 1 FROM case_reports AS l INDEXED BY case_reports_by_report " \
  "JOIN cases AS c ON c.id = l.case_id "                                         \
  "WHERE l.report_id = r.id AND (c.status = 'open' OR c.legal_hold = 1))"

}  // namespace

Result<std::vector<std::string>> ListClosedReportsDue(Database& db, std::string_view kind,
                                                      std::string_view closed_on_or_before, int64_t limit) {
  static constexpr char kSql[] =
      "SELECT r.id FROM reports AS r INDEXED BY reports_by_closed_day "
      "WHERE r.closed_day IS NOT NULL AND r.closed_day <= ?1 AND r.kind = ?2 AND r.status = 'closed' "
      "AND " PB_REPORT_NOT_PROTECTED " ORDER BY r.closed_day, r.kind, r.id LIMIT ?3";
  return ListIds(db, kSql, {closed_on_or_before, kind}, limit);
}

Result<std::vector<std::string>> ListAgedReportsDue(Database& db, std::string_view kind,
                                                    std::string_view received_on_or_before, int64_t limit) {
  // Each desk's reports by day from reports_by_desk_day, whichever desk the
  // kind was routed to when each report arrived.
  static constexpr char kSql[] =
      "SELECT r.id FROM reports AS r INDEXED BY reports_by_desk_day "
      "WHERE r.desk_id IN (SELECT id FROM desks) AND r.received_day <= ?1 AND r.kind = ?2 "
      "AND " PB_REPORT_NOT_PROTECTED " ORDER BY r.received_day, r.id LIMIT ?3";
  return ListIds(db, kSql, {received_on_or_before, kind}, limit);
}

#undef PB_REPORT_NOT_PROTECTED

Result<std::vector<std::string>> ListCasesDue(Database& db, std::string_view closed_on_or_before, int64_t limit) {
  static constexpr char kSql[] =
      "SELECT c.id FROM cases AS c INDEXED BY cases_by_closed_day "
      "WHERE c.closed_day IS NOT NULL AND c.closed_day <= ?1 AND c.status IN ('closed', 'merged') "
      "AND c.legal_hold = 0 AND NOT EXISTS (SELECT 1 FROM cases AS m WHERE m.merged_into = c.id) "
      "ORDER BY c.closed_day, c.id LIMIT ?2";
  return ListIds(db, kSql, {closed_on_or_before}, limit);
}

Result<std::vector<std::string>> ListBundlesDue(Database& db, std::string_view created_on_or_before, int64_t limit) {
  static constexpr char kSql[] =
      "SELECT id FROM bundles WHERE created_day <= ?1 ORDER BY created_day, id LIMIT ?2";
  return ListIds(db, kSql, {created_on_or_before}, limit);
}

Result<int64_t> DeleteCase(Database& db, std::string_view case_id) {
  static constexpr char kMergedIntoSql[] = "SELECT count(*) FROM cases WHERE merged_into = ?";
  static constexpr char kDeleteBundlesSql[] = "DELETE FROM bundles WHERE case_id = ?";
  static constexpr char kDeleteCaseSql[] = "DELETE FROM cases WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * merged, db.Prepare(kMergedIntoSql));
  merged->BindText(1, case_id);
  int64_t sources = 0;
  PB_RETURN_IF_ERROR(ForEachRow(*merged, [&](const Statement& row) { sources = row.ColumnInt64(0); }));
  if (sources > 0) return Status::Conflict("another case was merged into this one");
  PB_ASSIGN_OR_RETURN(Statement * bundles, db.Prepare(kDeleteBundlesSql));
  bundles->BindText(1, case_id);
  PB_RETURN_IF_ERROR(bundles->Run());
  const int64_t bundles_deleted = db.ChangedRows();
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(kDeleteCaseSql));
  remove->BindText(1, case_id);
  PB_RETURN_IF_ERROR(remove->Run());
  if (db.ChangedRows() == 0) return int64_t{-1};
  return bundles_deleted;
}

}  // namespace pillarbox::store
