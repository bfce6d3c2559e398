#include "store/case_note_rows.h"

#include "store/row_loop.h"

namespace pillarbox::store {

Status InsertCaseNote(Database& db, const CaseNoteRecord& note) {
  static constexpr char kInsertSql[] =
      "INSERT INTO case_notes (id, case_id, author_id, created_at, ciphertext) VALUES (?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, note.id);
  insert->BindText(2, note.case_id);
  insert->BindText(3, note.author_id);
  insert->BindInt64(4, note.created_at);
  insert->BindBlob(5, note.ciphertext);
  return insert->Run();
}

Result<std::vector<CaseNoteRecord>> ListCaseNotes(Database& db, std::string_view case_id) {
  static constexpr char kListSql[] =
      "SELECT n.id, n.case_id, n.author_id, u.username, n.created_at, n.ciphertext FROM case_notes AS n "
      "JOIN users AS u ON u.id = n.author_id WHERE n.case_id = ? ORDER BY n.created_at, n.id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, case_id);
  std::vector<CaseNoteRecord> notes;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    notes.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3), row.ColumnInt64(4),
                     row.ColumnBlob(5)});
  }));
  return notes;
}

Status MoveCaseNote(Database& db, std::string_view note_id, std::string_view case_id,
                    const std::vector<uint8_t>& ciphertext) {
  static constexpr char kMoveSql[] = "UPDATE case_notes SET case_id = ?, ciphertext = ? WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kMoveSql));
  update->BindText(1, case_id);
  update->BindBlob(2, ciphertext);
  update->BindText(3, note_id);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() != 1) return Status::NotFound("no such note");
  return Status::Ok();
}

}  // namespace pillarbox::store
