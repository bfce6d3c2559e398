#include "store/case_queries.h"

#include <limits>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

// The columns of ListDeskCases' queries, in order.
CaseListEntry ReadEntry(const Statement& row) {
  CaseListEntry entry;
  entry.record = CaseRecord{row.ColumnText(0), row.ColumnText(1), 0, row.ColumnBlob(3),
                            row.ColumnText(4), row.ColumnText(5), row.ColumnText(6), row.ColumnInt64(7),
                            row.ColumnInt64(8), row.ColumnText(11), row.ColumnInt64(12) != 0};
  const int64_t version = row.ColumnInt64(2);
  entry.record.desk_key_version =
      version < 1 || version > std::numeric_limits<uint32_t>::max() ? 0 : static_cast<uint32_t>(version);
  entry.sealed_title = row.ColumnBlob(9);
  entry.report_count = row.ColumnInt64(10);
  return entry;
}

}  // namespace

Result<std::vector<CaseListEntry>> ListDeskCases(Database& db, std::string_view desk_id, std::string_view status,
                                                 int64_t before, int limit) {
  static constexpr char kAnyStatusSql[] =
      "SELECT c.id, c.desk_id, c.desk_key_version, c.desk_sealed_data_key, c.status, c.merged_into, "
      "c.created_day, c.revision, c.rowid, f.ciphertext, "
      "(SELECT count(*) FROM case_reports AS r WHERE r.case_id = c.id), c.closed_day, c.legal_hold "
      "FROM cases AS c INDEXED BY cases_by_desk "
      "JOIN case_fields AS f ON f.case_id = c.id AND f.field = 'title' "
      "WHERE c.desk_id = ? AND c.rowid < ? ORDER BY c.rowid DESC LIMIT ?";
  static constexpr char kOneStatusSql[] =
      "SELECT c.id, c.desk_id, c.desk_key_version, c.desk_sealed_data_key, c.status, c.merged_into, "
      "c.created_day, c.revision, c.rowid, f.ciphertext, "
      "(SELECT count(*) FROM case_reports AS r WHERE r.case_id = c.id), c.closed_day, c.legal_hold "
      "FROM cases AS c INDEXED BY cases_by_desk "
      "JOIN case_fields AS f ON f.case_id = c.id AND f.field = 'title' "
      "WHERE c.desk_id = ? AND c.rowid < ? AND c.status = ? ORDER BY c.rowid DESC LIMIT ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(status.empty() ? kAnyStatusSql : kOneStatusSql));
  int index = 1;
  select->BindText(index++, desk_id);
  select->BindInt64(index++, before);
  if (!status.empty()) select->BindText(index++, status);
  select->BindInt64(index, int64_t{limit});
  std::vector<CaseListEntry> entries;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { entries.push_back(ReadEntry(row)); }));
  for (const CaseListEntry& entry : entries) {
    if (entry.record.desk_key_version == 0) return Status::DataLoss("malformed case row");
  }
  return entries;
}

}  // namespace pillarbox::store
