#include "store/action_rows.h"

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

void BindDayOrNull(Statement& statement, int index, const std::string& day) {
  if (day.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindText(index, day);
  }
}

// Binds kind..end_day to parameters first..first+8.
void BindDescription(Statement& statement, int first, const ActionRecord& record) {
  statement.BindText(first, record.kind);
  statement.BindText(first + 1, record.subtype);
  statement.BindText(first + 2, record.name);
  statement.BindText(first + 3, record.organization);
  statement.BindText(first + 4, record.jurisdiction);
  statement.BindText(first + 5, record.region);
  statement.BindText(first + 6, record.status);
  BindDayOrNull(statement, first + 7, record.start_day);
  BindDayOrNull(statement, first + 8, record.end_day);
}

ActionRecord ReadAction(const Statement& row) {
  return {row.ColumnText(0),      row.ColumnText(1),      row.ColumnText(2), row.ColumnText(3),
          row.ColumnText(4),      row.ColumnText(5),      row.ColumnText(6), row.ColumnText(7),
          row.ColumnText(8),      row.ColumnText(9),      row.ColumnInt64(10) != 0, row.ColumnInt64(11)};
}

Result<bool> RunLinkChange(Database& db, const char* sql, std::string_view case_id, std::string_view action_id) {
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(sql));
  statement->BindText(1, case_id);
  statement->BindText(2, action_id);
  PB_RETURN_IF_ERROR(statement->Run());
  return db.ChangedRows() > 0;
}

}  // namespace

Status InsertAction(Database& db, const ActionRecord& record) {
  static constexpr char kSql[] =
      "INSERT INTO actions (id, kind, subtype, name, organization, jurisdiction, region, status, start_day, end_day, "
      "demo, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kSql));
  insert->BindText(1, record.id);
  BindDescription(*insert, 2, record);
  insert->BindInt64(11, static_cast<int64_t>(record.demo ? 1 : 0));
  insert->BindInt64(12, record.revision);
  return insert->Run();
}

Result<std::optional<ActionRecord>> LoadAction(Database& db, std::string_view id) {
  static constexpr char kSql[] =
      "SELECT id, kind, subtype, name, organization, jurisdiction, region, status, start_day, end_day, demo, "
      "revision FROM actions WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, id);
  std::optional<ActionRecord> record;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { record = ReadAction(row); }));
  return record;
}

Status UpdateAction(Database& db, const ActionRecord& record) {
  static constexpr char kSql[] =
      "UPDATE actions SET kind = ?, subtype = ?, name = ?, organization = ?, jurisdiction = ?, region = ?, "
      "status = ?, start_day = ?, end_day = ?, revision = ? WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * update, db.Prepare(kSql));
  BindDescription(*update, 1, record);
  update->BindInt64(10, record.revision);
  update->BindText(11, record.id);
  PB_RETURN_IF_ERROR(update->Run());
  if (db.ChangedRows() == 0) return Status::NotFound("no such action");
  return Status::Ok();
}

Result<std::vector<ActionRecord>> ListActions(Database& db, const ActionFilter& filter) {
  // One statement for every filter combination: an empty parameter matches all.
  static constexpr char kSql[] =
      "SELECT id, kind, subtype, name, organization, jurisdiction, region, status, start_day, end_day, demo, "
      "revision FROM actions WHERE (?1 = '' OR kind = ?1) AND (?2 = '' OR status = ?2) "
      "AND (?3 = '' OR region = ?3) ORDER BY name COLLATE NOCASE, id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, filter.kind);
  select->BindText(2, filter.status);
  select->BindText(3, filter.region);
  std::vector<ActionRecord> actions;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](const Statement& row) { actions.push_back(ReadAction(row)); }));
  return actions;
}

Result<std::vector<ActionCaseLink>> ListActionCases(Database& db, std::string_view action_id) {
  static constexpr char kSql[] =
      "SELECT cases.id, cases.desk_id FROM case_actions INDEXED BY case_actions_by_action "
      "JOIN cases ON cases.id = case_actions.case_id WHERE case_actions.action_id = ? ORDER BY cases.id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, action_id);
  std::vector<ActionCaseLink> links;
  PB_RETURN_IF_ERROR(ForEachRow(
      *select, [&](const Statement& row) { links.push_back({row.ColumnText(0), row.ColumnText(1)}); }));
  return links;
}

Result<bool> InsertCaseAction(Database& db, std::string_view case_id, std::string_view action_id) {
  static constexpr char kSql[] =
      "INSERT INTO case_actions (case_id, action_id) VALUES (?, ?) ON CONFLICT (case_id, action_id) DO NOTHING";
  return RunLinkChange(db, kSql, case_id, action_id);
}

Result<bool> DeleteCaseAction(Database& db, std::string_view case_id, std::string_view action_id) {
  static constexpr char kSql[] = "DELETE FROM case_actions WHERE case_id = ? AND action_id = ?";
  return RunLinkChange(db, kSql, case_id, action_id);
}

}  // namespace pillarbox::store
