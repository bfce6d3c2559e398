#include "store/report_rows.h"

#include <cstdint>

#include "store/savepoint.h"

namespace pillarbox::store {
namespace {

Status InsertReportRow(Database& db, const intake::SealedReport& report) {
  static constexpr char kInsertReportSql[] =
      "INSERT INTO reports (id, kind, desk_id, desk_key_version, received_day, region, sector, "
      "desk_sealed_data_key, reporter_wrapped_data_key, lookup_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertReportSql));
  insert->BindText(1, report.id);
  insert->BindText(2, report.kind);
  insert->BindText(3, report.desk_id);
  insert->BindInt64(4, static_cast<int64_t>(report.desk_key_version));
  insert->BindText(5, report.received_day);
  insert->BindText(6, report.region);
  insert->BindText(7, report.sector);
  insert->BindBlob(8, report.desk_sealed_data_key);
  insert->BindBlob(9, report.reporter_wrapped_data_key);
  insert->BindBlob(10, report.lookup_id);
  return insert->Run();
}

Status InsertFieldRows(Database& db, const intake::SealedReport& report) {
  static constexpr char kInsertFieldSql[] = "INSERT INTO report_fields (report_id, field, ciphertext) VALUES (?, ?, ?)";
  for (const intake::SealedField& field : report.sealed_fields) {
    PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertFieldSql));
    insert->BindText(1, report.id);
    insert->BindText(2, field.field);
    insert->BindBlob(3, field.ciphertext);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

Status InsertClearAnswerRows(Database& db, const intake::SealedReport& report) {
  static constexpr char kInsertClearAnswerSql[] =
      "INSERT INTO report_clear_answers (report_id, field, value) VALUES (?, ?, ?)";
  for (const intake::ClearAnswer& answer : report.clear_answers) {
    PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertClearAnswerSql));
    insert->BindText(1, report.id);
    insert->BindText(2, answer.field);
    insert->BindText(3, answer.value);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

Status InsertBlindIndexRows(Database& db, const intake::SealedReport& report) {
  static constexpr char kInsertBlindIndexSql[] =
      "INSERT INTO report_blind_indexes (report_id, field, digest, desk_id, received_day) VALUES (?, ?, ?, ?, ?)";
  for (const intake::BlindIndexEntry& entry : report.blind_indexes) {
    PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertBlindIndexSql));
    insert->BindText(1, report.id);
    insert->BindText(2, entry.field);
    insert->BindBlob(3, entry.digest);
    insert->BindText(4, report.desk_id);
    insert->BindText(5, report.received_day);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

}  // namespace

Status InsertSealedReport(Database& db, const intake::SealedReport& report) {
  Savepoint savepoint(db);  // rolls every row back unless released
  PB_RETURN_IF_ERROR(savepoint.Begin());
  PB_RETURN_IF_ERROR(InsertReportRow(db, report));
  PB_RETURN_IF_ERROR(InsertFieldRows(db, report));
  PB_RETURN_IF_ERROR(InsertClearAnswerRows(db, report));
  PB_RETURN_IF_ERROR(InsertBlindIndexRows(db, report));
  return savepoint.Release();
}

}  // namespace pillarbox::store
