#include "store/case_events.h"

#include "store/row_loop.h"

namespace pillarbox::store {

Status AppendCaseEvent(Database& db, std::string_view case_id, const CaseEventRecord& event) {
  static constexpr char kAppendSql[] =
      "INSERT INTO case_events (case_id, seq, at, actor_id, event, detail) "
      "VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM case_events WHERE case_id = ?1), ?2, ?3, ?4, ?5)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kAppendSql));
  insert->BindText(1, case_id);
  insert->BindInt64(2, event.at);
  insert->BindText(3, event.actor_id);
  insert->BindText(4, event.event);
  insert->BindText(5, event.detail);
  return insert->Run();
}

Result<std::vector<CaseEventRecord>> ListCaseEvents(Database& db, std::string_view case_id) {
  static constexpr char kListSql[] =
      "SELECT seq, at, actor_id, event, detail FROM case_events WHERE case_id = ? ORDER BY seq";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  select->BindText(1, case_id);
  std::vector<CaseEventRecord> events;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) {
    events.push_back(
        {row.ColumnInt64(0), row.ColumnInt64(1), row.ColumnText(2), row.ColumnText(3), row.ColumnText(4)});
  }));
  return events;
}

}  // namespace pillarbox::store
