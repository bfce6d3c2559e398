#include "store/tag_repository.h"

#include "store/savepoint.h"

namespace pillarbox::store {
namespace {

// Runs `select` (bound) and adds tag_id -> count from each row to `counts`
// through `member`.
Status AddCounts(Statement& select, std::map<std::string, TagLinkCounts>& counts, int64_t TagLinkCounts::*member) {
  for (;;) {
    Result<bool> row = select.Step();
    if (!row.ok()) {
      select.Reset();
      return row.status();
    }
    if (!*row) break;
    counts[select.ColumnText(0)].*member += select.ColumnInt64(1);
  }
  select.Reset();
  return Status::Ok();
}

// Runs `sql` with `first` and `second` bound to its two parameters; returns the changed rows.
Result<int64_t> RunTwo(Database& db, const char* sql, std::string_view first, std::string_view second) {
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(sql));
  statement->BindText(1, first);
  statement->BindText(2, second);
  PB_RETURN_IF_ERROR(statement->Run());
  return db.ChangedRows();
}

// Runs `sql` with `id` bound to its one parameter; returns the changed rows.
Result<int64_t> RunOne(Database& db, const char* sql, std::string_view id) {
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(sql));
  statement->BindText(1, id);
  PB_RETURN_IF_ERROR(statement->Run());
  return db.ChangedRows();
}

Result<TagMergeCounts> MoveLinks(Database& db, std::string_view from, std::string_view into) {
  static constexpr char kCopyReportLinksSql[] =
      "INSERT OR IGNORE INTO report_tags (tag_id, received_day, report_id) "
      "SELECT ?, received_day, report_id FROM report_tags WHERE tag_id = ?";
  static constexpr char kDeleteReportLinksSql[] = "DELETE FROM report_tags WHERE tag_id = ?";
  static constexpr char kCopyCaseLinksSql[] =
      "INSERT OR IGNORE INTO case_tags (case_id, tag_id) SELECT case_id, ? FROM case_tags WHERE tag_id = ?";
  static constexpr char kDeleteCaseLinksSql[] = "DELETE FROM case_tags WHERE tag_id = ?";
  TagMergeCounts moved;
  PB_RETURN_IF_ERROR(RunTwo(db, kCopyReportLinksSql, into, from).status());
  PB_ASSIGN_OR_RETURN(moved.report_links, RunOne(db, kDeleteReportLinksSql, from));
  PB_RETURN_IF_ERROR(RunTwo(db, kCopyCaseLinksSql, into, from).status());
  PB_ASSIGN_OR_RETURN(moved.case_links, RunOne(db, kDeleteCaseLinksSql, from));
  return moved;
}

}  // namespace

Status InsertTag(Database& db, const TagRecord& tag) {
  static constexpr char kInsertSql[] = "INSERT INTO tags (id, name) VALUES (?, ?)";
  return RunTwo(db, kInsertSql, tag.id, tag.name).status();
}

Result<std::optional<TagRecord>> FindTag(Database& db, std::string_view id) {
  static constexpr char kFindSql[] = "SELECT id, name FROM tags WHERE id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kFindSql));
  select->BindText(1, id);
  Result<bool> row = select->Step();
  std::optional<TagRecord> tag;
  if (row.ok() && *row) tag = TagRecord{select->ColumnText(0), select->ColumnText(1)};
  select->Reset();
  if (!row.ok()) return row.status();
  return tag;
}

Result<std::vector<TagRecord>> ListTags(Database& db) {
  static constexpr char kListSql[] = "SELECT id, name FROM tags ORDER BY name COLLATE NOCASE, id";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kListSql));
  std::vector<TagRecord> tags;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok()) {
      select->Reset();
      return row.status();
    }
    if (!*row) break;
    tags.push_back({select->ColumnText(0), select->ColumnText(1)});
  }
  select->Reset();
  return tags;
}

Result<std::map<std::string, TagLinkCounts>> CountTagLinksOfDesk(Database& db, std::string_view desk_id) {
  // CROSS JOIN keeps report_tags outermost: the work is one primary-key lookup
  // per tag link (in tag order, so no sort), not a scan of the desk's reports.
  static constexpr char kReportCountsSql[] =
      "SELECT report_tags.tag_id, count(*) FROM report_tags CROSS JOIN reports ON reports.id = report_tags.report_id "
      "WHERE reports.desk_id = ? GROUP BY report_tags.tag_id ORDER BY report_tags.tag_id";
  static constexpr char kCaseCountsSql[] =
      "SELECT case_tags.tag_id, count(*) FROM case_tags CROSS JOIN cases ON cases.id = case_tags.case_id "
      "WHERE cases.desk_id = ? GROUP BY case_tags.tag_id ORDER BY case_tags.tag_id";
  std::map<std::string, TagLinkCounts> counts;
  PB_ASSIGN_OR_RETURN(Statement * reports, db.Prepare(kReportCountsSql));
  reports->BindText(1, desk_id);
  PB_RETURN_IF_ERROR(AddCounts(*reports, counts, &TagLinkCounts::reports));
  PB_ASSIGN_OR_RETURN(Statement * cases, db.Prepare(kCaseCountsSql));
  cases->BindText(1, desk_id);
  PB_RETURN_IF_ERROR(AddCounts(*cases, counts, &TagLinkCounts::cases));
  return counts;
}

Status RenameTag(Database& db, std::string_view id, std::string_view name) {
  static constexpr char kRenameSql[] = "UPDATE tags SET name = ? WHERE id = ?";
  PB_ASSIGN_OR_RETURN(const int64_t changed, RunTwo(db, kRenameSql, name, id));
  if (changed == 0) return Status::NotFound("no such tag");
  return Status::Ok();
}

Result<TagMergeCounts> MergeTag(Database& db, std::string_view from, std::string_view into) {
  if (from == into) return Status::InvalidArgument("cannot merge a tag into itself", "into");
  static constexpr char kDeleteTagSql[] = "DELETE FROM tags WHERE id = ?";
  Savepoint savepoint(db);
  PB_RETURN_IF_ERROR(savepoint.Begin());
  PB_ASSIGN_OR_RETURN(const auto source, FindTag(db, from));
  PB_ASSIGN_OR_RETURN(const auto target, FindTag(db, into));
  if (!source.has_value() || !target.has_value()) return Status::NotFound("no such tag");
  PB_ASSIGN_OR_RETURN(const TagMergeCounts moved, MoveLinks(db, from, into));
  PB_RETURN_IF_ERROR(RunOne(db, kDeleteTagSql, from).status());
  PB_RETURN_IF_ERROR(savepoint.Release());
  return moved;
}

}  // namespace pillarbox::store
