#include "store/report_message_repository.h"

namespace pillarbox::store {
namespace {

StoredMessage ReadMessage(const Statement& row) {
  StoredMessage stored;
  stored.message.report_id = row.ColumnText(0);
  stored.message.seq = row.ColumnInt64(1);
  stored.message.author_role = row.ColumnText(2);
  if (!row.ColumnIsNull(3)) stored.message.author_id = row.ColumnText(3);
  stored.message.created_day = row.ColumnText(4);
  stored.message.ciphertext = row.ColumnBlob(5);
  stored.author_username = row.ColumnText(6);
  return stored;
}

}  // namespace

Result<int64_t> NextMessageSeq(Database& db, std::string_view report_id) {
  static constexpr char kMaxSeqSql[] = "SELECT coalesce(max(seq), 0) + 1 FROM report_messages WHERE report_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kMaxSeqSql));
  select->BindText(1, report_id);
  Result<bool> row = select->Step();
  const int64_t next = (row.ok() && *row) ? select->ColumnInt64(0) : 0;
  select->Reset();
  if (!row.ok()) return row.status();
  if (next < 1) return Status::Internal("no next message seq");
  return next;
}

Status InsertReportMessage(Database& db, const SealedMessageRecord& message) {
  static constexpr char kInsertSql[] =
      "INSERT INTO report_messages (report_id, seq, author_role, author_id, created_day, ciphertext) "
      "VALUES (?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertSql));
  insert->BindText(1, message.report_id);
  insert->BindInt64(2, message.seq);
  insert->BindText(3, message.author_role);
  if (message.author_id.has_value()) {
    insert->BindText(4, *message.author_id);
  } else {
    insert->BindNull(4);
  }
  insert->BindText(5, message.created_day);
  insert->BindBlob(6, message.ciphertext);
  return insert->Run();
}

Result<std::vector<StoredMessage>> ListReportMessages(Database& db, std::string_view report_id) {
  static constexpr char kListSql[] =
      "SELECT report_messages.report_id, report_messages.seq, report_messages.author_role, "
      "report_messages.author_id, report_messages.created_day, report_messages.ciphertext, "
      "coalesce(users.username, '') FROM report_messages LEFT JOIN users ON users.id = report_messages.author_id "
      "WHERE report_messages.report_id = ? ORDER BY report_messages.seq";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, report_id);
  std::vector<StoredMessage> messages;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok()) {
      select->Reset();
      return row.status();
    }
    if (!*row) break;
    messages.push_back(ReadMessage(*select));
  }
  select->Reset();
  return messages;
}

Result<bool> MarkFirstFeedback(Database& db, std::string_view report_id, std::string_view day) {
  static constexpr char kMarkSql[] =
      "UPDATE reports SET first_feedback_day = ?, revision = revision + 1 "
      "WHERE id = ? AND first_feedback_day IS NULL";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kMarkSql));
  update->BindText(1, day);
  update->BindText(2, report_id);
  PB_RETURN_IF_ERROR(update->Run());
  return db.ChangedRows() > 0;
}

}  // namespace pillarbox::store
