#include "store/report_queries.h"

#include <limits>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

ReportSummary ReadSummary(const Statement& row) {
  return {row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
          row.ColumnText(4), row.ColumnText(5), row.ColumnText(6), row.ColumnInt64(7) != 0};
}

Status LoadFields(Database& db, intake::SealedReport& report) {
  static constexpr char kFieldsSql[] =
      "SELECT field, ciphertext FROM report_fields WHERE report_id = ? ORDER BY field";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kFieldsSql));
  select->BindText(1, report.id);
  for (;;) {
    PB_ASSIGN_OR_RETURN(const bool row, select->Step());
    if (!row) break;
    report.sealed_fields.push_back({select->ColumnText(0), select->ColumnBlob(1)});
  }
  select->Reset();
  return Status::Ok();
}

Status LoadClearAnswers(Database& db, intake::SealedReport& report) {
  static constexpr char kClearSql[] =
      "SELECT field, value FROM report_clear_answers WHERE report_id = ? ORDER BY field, value";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kClearSql));
  select->BindText(1, report.id);
  for (;;) {
    PB_ASSIGN_OR_RETURN(const bool row, select->Step());
    if (!row) break;
    report.clear_answers.push_back({select->ColumnText(0), select->ColumnText(1)});
  }
  select->Reset();
  return Status::Ok();
}

}  // namespace

Result<std::optional<ReportSummary>> LoadReportSummary(Database& db, std::string_view id) {
  static constexpr char kSummarySql[] =
      "SELECT id, kind, desk_id, received_day, region, sector, status, demo FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSummarySql));
  select->BindText(1, id);
  PB_ASSIGN_OR_RETURN(const bool row, select->Step());
  std::optional<ReportSummary> summary;
  if (row) summary = ReadSummary(*select);
  select->Reset();
  return summary;
}

Result<std::string> LoadReportClosedDay(Database& db, std::string_view id) {
  static constexpr char kClosedDaySql[] = "SELECT closed_day FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kClosedDaySql));
  select->BindText(1, id);
  std::string day;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&day](const Statement& row) { day = row.ColumnText(0); }));
  return day;
}

Result<std::optional<intake::SealedReport>> LoadSealedReport(Database& db, std::string_view id) {
  static constexpr char kReportSql[] =
      "SELECT id, kind, desk_id, desk_key_version, received_day, region, sector, desk_sealed_data_key "
      "FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kReportSql));
  select->BindText(1, id);
  PB_ASSIGN_OR_RETURN(const bool row, select->Step());
  if (!row) {
    select->Reset();
    return std::optional<intake::SealedReport>();
  }
  intake::SealedReport report;
  report.id = select->ColumnText(0);
  report.kind = select->ColumnText(1);
  report.desk_id = select->ColumnText(2);
  const int64_t version = select->ColumnInt64(3);
  report.received_day = select->ColumnText(4);
  report.region = select->ColumnText(5);
  report.sector = select->ColumnText(6);
  report.desk_sealed_data_key = select->ColumnBlob(7);
  select->Reset();
  if (version < 1 || version > std::numeric_limits<uint32_t>::max()) return Status::DataLoss("malformed report row");
  report.desk_key_version = static_cast<uint32_t>(version);
  PB_RETURN_IF_ERROR(LoadFields(db, report));
  PB_RETURN_IF_ERROR(LoadClearAnswers(db, report));
  return std::optional<intake::SealedReport>(std::move(report));
}

}  // namespace pillarbox::store
