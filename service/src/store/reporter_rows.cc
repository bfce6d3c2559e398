#include "store/reporter_rows.h"

namespace pillarbox::store {

Result<std::optional<ReporterKeyRow>> FindReportByLookupId(Database& db, std::span<const uint8_t> lookup_id) {
  static constexpr char kFindSql[] = "SELECT id, reporter_wrapped_data_key FROM reports WHERE lookup_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kFindSql));
  select->BindBlob(1, lookup_id);
  Result<bool> row = select->Step();
  std::optional<ReporterKeyRow> found;
  if (row.ok() && *row) found = ReporterKeyRow{select->ColumnText(0), select->ColumnBlob(1)};
  select->Reset();
  if (!row.ok()) return row.status();
  return found;
}

Result<bool> BumpReportRevision(Database& db, std::string_view report_id) {
  static constexpr char kBumpSql[] = "UPDATE reports SET revision = revision + 1 WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kBumpSql));
  update->BindText(1, report_id);
  PB_RETURN_IF_ERROR(update->Run());
  return db.ChangedRows() > 0;
}

Result<bool> DeleteReport(Database& db, std::string_view report_id) {
  static constexpr char kDeleteSql[] = "DELETE FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * remove, db.Prepare(kDeleteSql));
  remove->BindText(1, report_id);
  PB_RETURN_IF_ERROR(remove->Run());
  return db.ChangedRows() > 0;
}

}  // namespace pillarbox::store
