#include "store/case_rows.h"

#include <limits>

#include "store/row_loop.h"
#include "store/savepoint.h"

namespace pillarbox::store {
namespace {

Status InsertCaseRow(Database& db, const CaseRecord& record) {
  static constexpr char kInsertCaseSql[] =
      "INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, status, merged_into, created_day, "
      "revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertCaseSql));
  insert->BindText(1, record.id);
  insert->BindText(2, record.desk_id);
  insert->BindInt64(3, static_cast<int64_t>(record.desk_key_version));
  insert->BindBlob(4, record.desk_sealed_data_key);
  insert->BindText(5, record.status);
  if (record.merged_into.empty()) {
    insert->BindNull(6);
  } else {
    insert->BindText(6, record.merged_into);
  }
  insert->BindText(7, record.created_day);
  insert->BindInt64(8, record.revision);
  return insert->Run();
}

}  // namespace

Status InsertCase(Database& db, const CaseRecord& record, const std::vector<SealedCaseField>& fields) {
  Savepoint savepoint(db);
  PB_RETURN_IF_ERROR(savepoint.Begin());
  PB_RETURN_IF_ERROR(InsertCaseRow(db, record));
  for (const SealedCaseField& field : fields) PB_RETURN_IF_ERROR(ReplaceCaseField(db, record.id, field));
  return savepoint.Release();
}

Result<std::optional<CaseRecord>> LoadCase(Database& db, std::string_view id) {
  static constexpr char kLoadCaseSql[] =
      "SELECT id, desk_id, desk_key_version, desk_sealed_data_key, status, merged_into, created_day, revision, rowid, "
      "closed_day, legal_hold FROM cases WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadCaseSql));
  select->BindText(1, id);
  std::optional<CaseRecord> record;
  int64_t version = 0;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    record = CaseRecord{row.ColumnText(0), row.ColumnText(1), 0,
                        row.ColumnBlob(3), row.ColumnText(4), row.ColumnText(5),
                        row.ColumnText(6), row.ColumnInt64(7), row.ColumnInt64(8),
                        row.ColumnText(9), row.ColumnInt64(10) != 0};
    version = row.ColumnInt64(2);
  }));
  if (!record.has_value()) return record;
  if (version < 1 || version > std::numeric_limits<uint32_t>::max()) return Status::DataLoss("malformed case row");
  record->desk_key_version = static_cast<uint32_t>(version);
  return record;
}

Result<std::vector<SealedCaseField>> LoadCaseFields(Database& db, std::string_view case_id) {
  static constexpr char kLoadFieldsSql[] =
      "SELECT field, ciphertext FROM case_fields WHERE case_id = ? ORDER BY field";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadFieldsSql));
  select->BindText(1, case_id);
  std::vector<SealedCaseField> fields;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    fields.push_back({row.ColumnText(0), row.ColumnBlob(1)});
  }));
  return fields;
}

Status ReplaceCaseField(Database& db, std::string_view case_id, const SealedCaseField& field) {
  static constexpr char kReplaceFieldSql[] =
      "INSERT INTO case_fields (case_id, field, ciphertext) VALUES (?, ?, ?) "
      "ON CONFLICT (case_id, field) DO UPDATE SET ciphertext = excluded.ciphertext";
  PB_ASSIGN_OR_RETURN(Statement * upsert, db.Prepare(kReplaceFieldSql));
  upsert->BindText(1, case_id);
  upsert->BindText(2, field.field);
  upsert->BindBlob(3, field.ciphertext);
  return upsert->Run();
}

Status SetCaseStatus(Database& db, std::string_view case_id, std::string_view status, std::string_view merged_into,
                     std::string_view today) {
  static constexpr char kSetStatusSql[] =
      "UPDATE cases SET status = ?1, merged_into = ?2, "
      "closed_day = CASE WHEN ?1 = 'open' THEN NULL ELSE coalesce(closed_day, ?4) END WHERE id = ?3";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kSetStatusSql));
  update->BindText(1, status);
  if (merged_into.empty()) {
    update->BindNull(2);
  } else {
    update->BindText(2, merged_into);
  }
  update->BindText(3, case_id);
  update->BindText(4, today);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() != 1) return Status::NotFound("no such case");
  return Status::Ok();
}

Status SetCaseLegalHold(Database& db, std::string_view case_id, bool held) {
  static constexpr char kSetHoldSql[] = "UPDATE cases SET legal_hold = ? WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kSetHoldSql));
  update->BindInt64(1, held ? int64_t{1} : int64_t{0});
  update->BindText(2, case_id);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() != 1) return Status::NotFound("no such case");
  return Status::Ok();
}

Result<int64_t> BumpCaseRevision(Database& db, std::string_view case_id) {
  static constexpr char kBumpSql[] = "UPDATE cases SET revision = revision + 1 WHERE id = ? RETURNING revision";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kBumpSql));
  update->BindText(1, case_id);
  std::optional<int64_t> revision;
  PB_RETURN_IF_ERROR(ForEachRow(*update, [&](const Statement& row) { revision = row.ColumnInt64(0); }));
  if (!revision.has_value()) return Status::NotFound("no such case");
  return *revision;
}

}  // namespace pillarbox::store
