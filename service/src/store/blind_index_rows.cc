// Blind index rows for re-indexing (declared in store/blind_index_rows.h).
#include "store/blind_index_rows.h"

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

Status LoadKeyOf(Database& db, IndexedReportRow& report) {
  static constexpr char kSql[] = "SELECT desk_id, desk_key_version, desk_sealed_data_key FROM reports WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, report.report_id);
  Result<bool> row = select->Step();
  if (row.ok() && *row) {
    report.desk_id = select->ColumnText(0);
    report.desk_key_version = static_cast<uint32_t>(select->ColumnInt64(1));
    report.desk_sealed_data_key = select->ColumnBlob(2);
  }
  select->Reset();
  if (!row.ok()) return row.status();
  if (!*row) return Status::DataLoss("a blind index names a report that does not exist");
  return Status::Ok();
}

Status LoadFieldsOf(Database& db, IndexedReportRow& report) {
  static constexpr char kSql[] =
      "SELECT b.field, f.ciphertext FROM report_blind_indexes b "
      "LEFT JOIN report_fields f ON f.report_id = b.report_id AND f.field = b.field "
      "WHERE b.report_id = ? ORDER BY b.field";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, report.report_id);
  bool missing = false;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    if (row.ColumnBlob(1).empty()) missing = true;
    report.fields.push_back({row.ColumnText(0), row.ColumnBlob(1)});
  }));
  if (missing) return Status::DataLoss("an indexed field of a report has no sealed answer");
  return Status::Ok();
}

}  // namespace

Result<std::vector<IndexedReportRow>> ListIndexedReportsAfter(Database& db, std::string_view after_id, int limit) {
  static constexpr char kSql[] =
      "SELECT DISTINCT report_id FROM report_blind_indexes WHERE report_id > ? ORDER BY report_id LIMIT ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, after_id);
  select->BindInt64(2, int64_t{limit});
  std::vector<IndexedReportRow> reports;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) { reports.push_back({row.ColumnText(0), "", 1, {}, {}}); }));
  for (IndexedReportRow& report : reports) {
    PB_RETURN_IF_ERROR(LoadKeyOf(db, report));
    PB_RETURN_IF_ERROR(LoadFieldsOf(db, report));
  }
  return reports;
}

Result<int64_t> CountIndexedReportsAfter(Database& db, std::string_view after_id) {
  static constexpr char kSql[] = "SELECT COUNT(DISTINCT report_id) FROM report_blind_indexes WHERE report_id > ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, after_id);
  int64_t count = 0;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) { count = row.ColumnInt64(0); }));
  return count;
}

Result<std::vector<std::pair<std::string, uint32_t>>> ListDeskVersionsOfIndexedReports(Database& db) {
  static constexpr char kSql[] =
      "SELECT DISTINCT r.desk_id, r.desk_key_version FROM reports r "
      "WHERE EXISTS (SELECT 1 FROM report_blind_indexes b WHERE b.report_id = r.id) ORDER BY 1, 2";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  std::vector<std::pair<std::string, uint32_t>> pairs;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    pairs.emplace_back(row.ColumnText(0), static_cast<uint32_t>(row.ColumnInt64(1)));
  }));
  return pairs;
}

Status UpdateBlindIndexDigest(Database& db, std::string_view report_id, std::string_view field,
                              const std::vector<uint8_t>& digest) {
  static constexpr char kSql[] = "UPDATE report_blind_indexes SET digest = ? WHERE report_id = ? AND field = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kSql));
  update->BindBlob(1, digest);
  update->BindText(2, report_id);
  update->BindText(3, field);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() != 1) return Status::NotFound("no such blind index");
  return Status::Ok();
}

}  // namespace pillarbox::store
