#include "store/redaction_rows.h"

#include "store/row_loop.h"
#include "store/statement.h"

namespace pillarbox::store {

Status InsertRedaction(Database& db, const RedactionRecord& record) {
  static constexpr char kInsertSql[] =
      "INSERT INTO report_redactions (id, report_id, field, span_start, span_end, reason, created_by, created_day) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, record.id);
  insert->BindText(2, record.report_id);
  insert->BindText(3, record.field);
  if (record.span_start.has_value()) {
    insert->BindInt64(4, *record.span_start);
  } else {
    insert->BindNull(4);
  }
  if (record.span_end.has_value()) {
    insert->BindInt64(5, *record.span_end);
  } else {
    insert->BindNull(5);
  }
  insert->BindText(6, record.reason);
  insert->BindText(7, record.created_by);
  insert->BindText(8, record.created_day);
  return insert->Run();
}

Result<std::vector<RedactionRecord>> ListRedactions(Database& db, std::string_view report_id) {
  static constexpr char kListSql[] =
      "SELECT id, report_id, field, span_start, span_end, reason, created_by, created_day "
      "FROM report_redactions INDEXED BY report_redactions_by_report WHERE report_id = ? "
      "ORDER BY field, span_start, id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, report_id);
  std::vector<RedactionRecord> records;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    RedactionRecord record;
    record.id = row.ColumnText(0);
    record.report_id = row.ColumnText(1);
    record.field = row.ColumnText(2);
    if (!row.ColumnIsNull(3)) record.span_start = row.ColumnInt64(3);
    if (!row.ColumnIsNull(4)) record.span_end = row.ColumnInt64(4);
    record.reason = row.ColumnText(5);
    record.created_by = row.ColumnText(6);
    record.created_day = row.ColumnText(7);
    records.push_back(std::move(record));
  }));
  return records;
}

Result<bool> DeleteRedaction(Database& db, std::string_view report_id, std::string_view redaction_id) {
  static constexpr char kDeleteSql[] = "DELETE FROM report_redactions WHERE id = ? AND report_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * erase, db.Prepare(kDeleteSql));
  erase->BindText(1, redaction_id);
  erase->BindText(2, report_id);
  PB_RETURN_IF_ERROR(erase->Run());
  return db.ChangedRows() > 0;
}

}  // namespace pillarbox::store
