#include "store/report_note_repository.h"

#include <limits>

namespace pillarbox::store {
namespace {

Result<StoredNote> ReadNote(const Statement& row) {
  StoredNote stored;
  stored.note.id = row.ColumnText(0);
  stored.note.report_id = row.ColumnText(1);
  stored.note.author_id = row.ColumnText(2);
  stored.note.created_at = row.ColumnInt64(3);
  const int64_t version = row.ColumnInt64(4);
  if (version < 1 || version > std::numeric_limits<uint32_t>::max()) return Status::DataLoss("malformed note row");
  stored.note.desk_key_version = static_cast<uint32_t>(version);
  stored.note.desk_sealed_data_key = row.ColumnBlob(5);
  stored.note.ciphertext = row.ColumnBlob(6);
  stored.author_username = row.ColumnText(7);
  return stored;
}

}  // namespace

Status InsertReportNote(Database& db, const SealedNoteRecord& note) {
  static constexpr char kInsertSql[] =
      "INSERT INTO report_notes (id, report_id, author_id, created_at, desk_key_version, desk_sealed_data_key, "
      "ciphertext) VALUES (?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, note.id);
  insert->BindText(2, note.report_id);
  insert->BindText(3, note.author_id);
  insert->BindInt64(4, note.created_at);
  insert->BindInt64(5, static_cast<int64_t>(note.desk_key_version));
  insert->BindBlob(6, note.desk_sealed_data_key);
  insert->BindBlob(7, note.ciphertext);
  return insert->Run();
}

Result<std::vector<StoredNote>> ListReportNotes(Database& db, std::string_view report_id) {
  static constexpr char kListSql[] =
      "SELECT report_notes.id, report_notes.report_id, report_notes.author_id, report_notes.created_at, "
      "report_notes.desk_key_version, report_notes.desk_sealed_data_key, report_notes.ciphertext, users.username "
      "FROM report_notes INDEXED BY report_notes_by_report JOIN users ON users.id = report_notes.author_id "
      "WHERE report_notes.report_id = ? ORDER BY report_notes.created_at, report_notes.rowid";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, report_id);
  std::vector<StoredNote> notes;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      return notes;
    }
    Result<StoredNote> note = ReadNote(*select);
    if (!note.ok()) {
      select->Reset();
      return note.status();
    }
    notes.push_back(std::move(note).value());
  }
}

}  // namespace pillarbox::store
