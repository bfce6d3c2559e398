#include "store/aggregate_queries.h"

#include <algorithm>

#include "store/json_string_array.h"
#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

ReportSummary ReadSummary(Statement& row) {
  return ReportSummary{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                       row.ColumnText(4), row.ColumnText(5), row.ColumnText(6)};
}

}  // namespace

Result<std::vector<DigestGroup>> CountDigestGroups(Database& db, std::string_view field,
                                                   const std::vector<std::string>& desks, int64_t min_count,
                                                   int limit) {
  // MAX(received_day) makes the bare report_id that of the newest row.
  static constexpr char kAllDesksSql[] =
      "SELECT digest, COUNT(*) AS n, MAX(received_day), report_id "
      "FROM report_blind_indexes INDEXED BY report_blind_indexes_by_digest_day "
      "WHERE field = ?1 GROUP BY digest HAVING n >= ?2 ORDER BY n DESC, digest LIMIT ?3";
  static constexpr char kSomeDesksSql[] =
      "SELECT digest, COUNT(*) AS n, MAX(received_day), report_id "
      "FROM report_blind_indexes INDEXED BY report_blind_indexes_by_digest_day "
      "WHERE field = ?1 AND desk_id IN (SELECT value FROM json_each(?4)) "
      "GROUP BY digest HAVING n >= ?2 ORDER BY n DESC, digest LIMIT ?3";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(desks.empty() ? kAllDesksSql : kSomeDesksSql));
  select->BindText(1, field);
  select->BindInt64(2, min_count);
  select->BindInt64(3, static_cast<int64_t>(limit));
  if (!desks.empty()) select->BindText(4, JsonStringArray(desks));
  std::vector<DigestGroup> groups;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&groups](Statement& row) {
    groups.push_back(DigestGroup{row.ColumnBlob(0), row.ColumnInt64(1), row.ColumnText(3)});
  }));
  return groups;
}

Result<std::vector<ReportSummary>> ListDigestReports(Database& db, std::string_view field,
                                                     std::span<const uint8_t> digest,
                                                     const std::vector<std::string>& desks,
                                                     const ReportCursor& after, int limit) {
  // The index walk yields the page in order; reports is read for the page's
  // rows only. ?5 = 1 skips the desk check.
  static constexpr char kSql[] =
      "SELECT r.id, r.kind, r.desk_id, r.received_day, r.region, r.sector, r.status "
      "FROM report_blind_indexes b INDEXED BY report_blind_indexes_by_digest_day "
      "CROSS JOIN reports r ON r.id = b.report_id "
      "WHERE b.field = ?1 AND b.digest = ?2 "
      "AND (?5 = 1 OR b.desk_id IN (SELECT value FROM json_each(?6))) "
      "AND (?3 = '' OR b.received_day < ?3 OR (b.received_day = ?3 AND b.report_id < ?4)) "
      "ORDER BY b.received_day DESC, b.report_id DESC LIMIT ?7";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, field);
  select->BindBlob(2, digest);
  select->BindText(3, after.id.empty() ? std::string_view() : std::string_view(after.received_day));
  select->BindText(4, after.id);
  select->BindInt64(5, static_cast<int64_t>(desks.empty() ? 1 : 0));
  select->BindText(6, JsonStringArray(desks));
  select->BindInt64(7, static_cast<int64_t>(limit));
  std::vector<ReportSummary> reports;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&reports](Statement& row) { reports.push_back(ReadSummary(row)); }));
  return reports;
}

Result<std::map<std::string, std::vector<uint8_t>>> LoadReportDigests(Database& db, std::string_view report_id) {
  static constexpr char kSql[] = "SELECT field, digest FROM report_blind_indexes WHERE report_id = ? ORDER BY field";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, report_id);
  std::map<std::string, std::vector<uint8_t>> digests;
  PB_RETURN_IF_ERROR(
      ForEachRow(*select, [&digests](Statement& row) { digests[row.ColumnText(0)] = row.ColumnBlob(1); }));
  return digests;
}

Result<std::vector<ReportSummary>> ListKindSectorReports(Database& db, std::string_view desk_id,
                                                         std::string_view kind, std::string_view sector,
                                                         std::string_view from_day, std::string_view to_day,
                                                         int limit) {
  static constexpr char kSql[] =
      "SELECT id, kind, desk_id, received_day, region, sector, status "
      "FROM reports INDEXED BY reports_by_desk_day "
      "WHERE desk_id = ?1 AND received_day BETWEEN ?4 AND ?5 AND kind = ?2 AND sector = ?3 "
      "ORDER BY received_day DESC, id DESC LIMIT ?6";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, desk_id);
  select->BindText(2, kind);
  select->BindText(3, sector);
  select->BindText(4, from_day);
  select->BindText(5, to_day);
  select->BindInt64(6, static_cast<int64_t>(limit));
  std::vector<ReportSummary> reports;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&reports](Statement& row) { reports.push_back(ReadSummary(row)); }));
  return reports;
}

Result<std::vector<std::string>> OpenCasesHolding(Database& db, const std::vector<std::string>& report_ids,
                                                  const std::vector<std::string>& desks) {
  static constexpr char kSql[] =
      "SELECT DISTINCT c.id FROM json_each(?1) AS j "
      "CROSS JOIN case_reports cr INDEXED BY case_reports_by_report ON cr.report_id = j.value "
      "CROSS JOIN cases c ON c.id = cr.case_id "
      "WHERE c.status = 'open' AND c.desk_id IN (SELECT value FROM json_each(?2)) ORDER BY c.id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, JsonStringArray(report_ids));
  select->BindText(2, JsonStringArray(desks));
  std::vector<std::string> cases;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&cases](Statement& row) { cases.push_back(row.ColumnText(0)); }));
  return cases;
}

Result<std::map<std::vector<uint8_t>, std::set<std::string>>> OpenCasesByDigest(
    Database& db, std::string_view field, const std::vector<std::string>& desks) {
  static constexpr char kSql[] =
      "SELECT c.id, b.digest FROM json_each(?2) AS d "
      "CROSS JOIN cases c INDEXED BY cases_by_desk ON c.desk_id = d.value AND c.status = 'open' "
      "CROSS JOIN case_reports cr ON cr.case_id = c.id "
      "CROSS JOIN report_blind_indexes b ON b.report_id = cr.report_id AND b.field = ?1 "
      "WHERE b.desk_id IN (SELECT value FROM json_each(?2))";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, field);
  select->BindText(2, JsonStringArray(desks));
  std::map<std::vector<uint8_t>, std::set<std::string>> cases;
  PB_RETURN_IF_ERROR(
      ForEachRow(*select, [&cases](Statement& row) { cases[row.ColumnBlob(1)].insert(row.ColumnText(0)); }));
  return cases;
}

Result<std::vector<PillarCount>> CountPillars(Database& db, const std::vector<std::string>& desks,
                                              std::string_view from_day, std::string_view to_day) {
  static constexpr char kSql[] =
      "SELECT pillar, kind, region, COUNT(*) FROM report_pillars "
      "WHERE received_day BETWEEN ?2 AND ?3 AND desk_id IN (SELECT value FROM json_each(?1)) "
      "GROUP BY pillar, kind, region ORDER BY pillar, kind, region";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, JsonStringArray(desks));
  select->BindText(2, from_day);
  select->BindText(3, to_day);
  std::vector<PillarCount> counts;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&counts](Statement& row) {
    counts.push_back(PillarCount{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnInt64(3)});
  }));
  return counts;
}

}  // namespace pillarbox::store
