#include "store/triage_queries.h"

#include <array>
#include <optional>
#include <tuple>
#include <mutex>
#include <set>

#include "store/json_string_array.h"

namespace pillarbox::store {
namespace {

// Parameters: ?1 ?2 the cursor (received_day, id), ?3 the limit, ?4 the
// driver's key; ?10.. the conditions (NULL = any), see BindConditions.
constexpr char kColumns[] =
    "SELECT r.id, r.kind, r.desk_id, r.received_day, r.region, r.sector, r.status, r.assignee_id, "
    "r.close_reason, r.acknowledged_day, r.first_feedback_day, r.revision, r.demo ";

// The driving walk of each TriageDriver, in enum order: an index range in
// (received_day DESC, id DESC) order, bounded by the cursor and from_day.
struct DriverSql {
  const char* from;
  const char* order;
};
constexpr std::array<DriverSql, 5> kDrivers = {{
    {"FROM reports r INDEXED BY reports_by_desk_day "
     "WHERE r.desk_id = ?4 AND (r.received_day, r.id) < (?1, ?2) AND r.received_day >= ?19 ",
     "ORDER BY r.received_day DESC, r.id DESC "},
    {"FROM reports r INDEXED BY reports_by_status_day "
     "WHERE r.status = ?4 AND (r.received_day, r.id) < (?1, ?2) AND r.received_day >= ?19 ",
     "ORDER BY r.received_day DESC, r.id DESC "},
    {"FROM reports r INDEXED BY reports_by_assignee_day "
     "WHERE r.assignee_id = ?4 AND (r.received_day, r.id) < (?1, ?2) AND r.received_day >= ?19 ",
     "ORDER BY r.received_day DESC, r.id DESC "},
    {"FROM report_tags d CROSS JOIN reports r "
     "WHERE d.tag_id = ?4 AND (d.received_day, d.report_id) < (?1, ?2) AND d.received_day >= ?19 "
     "AND r.id = d.report_id ",
     "ORDER BY d.received_day DESC, d.report_id DESC "},
    {"FROM report_pillars d CROSS JOIN reports r "
     "WHERE d.pillar = ?4 AND (d.received_day, d.report_id) < (?1, ?2) AND d.received_day >= ?19 "
     "AND r.id = d.report_id ",
     "ORDER BY d.received_day DESC, d.report_id DESC "},
}};

// Conditions checked on each row the walk meets, only those in use: reports
// is a WITHOUT ROWID table, so a term on a column outside the walked index
// costs a primary-key seek per row met, even when it would be true anyway.
// The status index carries desk_id, so a count by status with only desk and
// day conditions never leaves the index.
std::string ConditionsSql(const TriageConditions& c) {
  std::string sql = "AND r.desk_id IN (SELECT value FROM json_each(?10)) AND r.received_day <= ?20 ";
  if (!c.status.empty()) sql += "AND r.status = ?14 ";
  if (!c.kind.empty()) sql += "AND r.kind = ?11 ";
  if (!c.region.empty()) sql += "AND r.region = ?12 ";
  if (!c.sector.empty()) sql += "AND r.sector = ?13 ";
  if (!c.assignee_id.empty()) sql += "AND r.assignee_id = ?15 ";
  if (c.unassigned) sql += "AND r.assignee_id IS NULL ";
  if (!c.tag_id.empty()) {
    sql += "AND EXISTS (SELECT 1 FROM report_tags x "
           "WHERE x.tag_id = ?17 AND x.received_day = r.received_day AND x.report_id = r.id) ";
  }
  if (!c.pillar.empty()) {
    sql += "AND EXISTS (SELECT 1 FROM report_pillars y "
           "WHERE y.pillar = ?18 AND y.received_day = r.received_day AND y.report_id = r.id) ";
  }
  if (c.overdue) {
    sql += "AND ((r.status = 'new' AND r.received_day < ?22) "
           "OR (r.received_day < ?23 AND r.status <> 'closed' AND r.first_feedback_day IS NULL)) ";
  }
  return sql;
}

// Sorts after every real (received_day, id): days are YYYY-MM-DD, ids hex.
constexpr char kEndOfTimeDay[] = "9999-12-31";
constexpr char kAfterEveryId[] = "~";

// A process-lifetime copy of `sql`: Database::Prepare caches statements by
// pointer, and the number of distinct statements is bounded (5 drivers x the
// combinations of conditions).
const char* Intern(std::string sql) {
  static std::mutex mutex;
  static std::set<std::string> texts;
  std::lock_guard<std::mutex> lock(mutex);
  return texts.insert(std::move(sql)).first->c_str();
}

const char* WalkSql(TriageDriver driver, const TriageConditions& conditions) {
  const DriverSql& d = kDrivers[static_cast<size_t>(driver)];
  return Intern(std::string(kColumns) + d.from + ConditionsSql(conditions) + d.order + "LIMIT ?3");
}

const char* CountSql(TriageDriver driver, const TriageConditions& conditions) {
  const DriverSql& d = kDrivers[static_cast<size_t>(driver)];
  return Intern(std::string("SELECT r.status, count(*) ") + d.from + ConditionsSql(conditions) + "GROUP BY r.status");
}

void BindOptional(Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindText(index, value);
  }
}

void BindConditions(Statement& statement, const TriageWalk& walk, const TriageConditions& c) {
  statement.BindText(4, walk.key);
  statement.BindText(10, JsonStringArray(c.desks));
  BindOptional(statement, 11, c.kind);
  BindOptional(statement, 12, c.region);
  BindOptional(statement, 13, c.sector);
  BindOptional(statement, 14, c.status);
  BindOptional(statement, 15, c.assignee_id);
  BindOptional(statement, 17, c.tag_id);
  BindOptional(statement, 18, c.pillar);
  statement.BindText(19, c.from_day);
  statement.BindText(20, c.to_day);
  statement.BindText(22, c.acknowledge_before);
  statement.BindText(23, c.feedback_before);
}

TriageRow ReadTriageRow(const Statement& row) {
  TriageRow triage;
  triage.summary = {row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                    row.ColumnText(4), row.ColumnText(5), row.ColumnText(6), row.ColumnInt64(12) != 0};
  triage.assignee_id = row.ColumnText(7);
  triage.close_reason = row.ColumnText(8);
  triage.acknowledged_day = row.ColumnText(9);
  triage.first_feedback_day = row.ColumnText(10);
  triage.revision = row.ColumnInt64(11);
  return triage;
}

// The cursor, or (to_day, after every id) when that comes first.
TriageCursor UpperBound(const TriageCursor& after, const TriageConditions& conditions) {
  TriageCursor bound = after;
  if (bound.received_day.empty()) bound = {kEndOfTimeDay, kAfterEveryId};
  const TriageCursor end_of_range{conditions.to_day, kAfterEveryId};
  if (std::tie(end_of_range.received_day, end_of_range.id) < std::tie(bound.received_day, bound.id)) {
    bound = end_of_range;
  }
  return bound;
}

Result<std::vector<std::string>> ListLabels(Database& db, const char* sql, const std::string& report_id) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(sql));
  select->BindText(1, report_id);
  std::vector<std::string> labels;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      return labels;
    }
    labels.push_back(select->ColumnText(0));
  }
}

}  // namespace

namespace {

// Prepared walks of one merge: statement i runs walk i (each text is distinct,
// so each has its own cached statement). Resets them all when done.
class OpenWalks {
 public:
  explicit OpenWalks(Database& db) : db_(db) {}
  ~OpenWalks() {
    for (Statement* statement : statements_) statement->Reset();
  }
  OpenWalks(const OpenWalks&) = delete;
  OpenWalks& operator=(const OpenWalks&) = delete;

  Status Open(const TriageWalkPlan& plan, const TriageCursor& after, int limit) {
    const std::string number = std::to_string(statements_.size());
    const char* sql = Intern(std::string(WalkSql(plan.walk.driver, plan.conditions)) + " /* walk " + number + " */");
    PB_ASSIGN_OR_RETURN(Statement * select, db_.Prepare(sql));
    statements_.push_back(select);
    const TriageCursor bound = UpperBound(after, plan.conditions);
    select->BindText(1, bound.received_day);
    select->BindText(2, bound.id);
    select->BindInt64(3, int64_t{limit});
    BindConditions(*select, plan.walk, plan.conditions);
    heads_.emplace_back();
    return Advance(statements_.size() - 1);
  }

  // Moves walk `i` to its next row (its head becomes nullopt at the end).
  Status Advance(size_t i) {
    PB_ASSIGN_OR_RETURN(const bool row, statements_[i]->Step());
    heads_[i] = row ? std::optional<TriageRow>(ReadTriageRow(*statements_[i])) : std::nullopt;
    return Status::Ok();
  }

  // The walk whose head is newest; heads().size() when every walk is done.
  size_t Newest() const {
    size_t newest = heads_.size();
    for (size_t i = 0; i < heads_.size(); ++i) {
      if (!heads_[i].has_value()) continue;
      if (newest == heads_.size() || std::tie(heads_[i]->summary.received_day, heads_[i]->summary.id) >
                                         std::tie(heads_[newest]->summary.received_day, heads_[newest]->summary.id)) {
        newest = i;
      }
    }
    return newest;
  }

  std::optional<TriageRow>& head(size_t i) { return heads_[i]; }

 private:
  Database& db_;
  std::vector<Statement*> statements_;
  std::vector<std::optional<TriageRow>> heads_;
};

}  // namespace

Result<std::vector<TriageRow>> MergeTriageWalks(Database& db, const std::vector<TriageWalkPlan>& walks,
                                                const TriageCursor& after, int limit) {
  OpenWalks open(db);
  for (const TriageWalkPlan& plan : walks) PB_RETURN_IF_ERROR(open.Open(plan, after, limit));
  std::vector<TriageRow> rows;
  while (rows.size() < static_cast<size_t>(limit)) {
    const size_t newest = open.Newest();
    if (newest == walks.size()) break;
    if (rows.empty() || rows.back().summary.id != open.head(newest)->summary.id) {
      rows.push_back(std::move(*open.head(newest)));
    }
    PB_RETURN_IF_ERROR(open.Advance(newest));
  }
  return rows;
}

Result<std::map<std::string, int64_t>> CountTriage(Database& db, const TriageWalk& walk,
                                                    const TriageConditions& conditions) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(CountSql(walk.driver, conditions)));
  const TriageCursor bound = UpperBound({}, conditions);
  select->BindText(1, bound.received_day);
  select->BindText(2, bound.id);
  BindConditions(*select, walk, conditions);
  std::map<std::string, int64_t> counts;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      return counts;
    }
    counts[select->ColumnText(0)] += select->ColumnInt64(1);
  }
}

Result<std::optional<TriageRow>> LoadTriageRow(Database& db, std::string_view id) {
  static const std::string kLoadSql = std::string(kColumns) + "FROM reports r WHERE r.id = ?1";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kLoadSql.c_str()));
  select->BindText(1, id);
  Result<bool> row = select->Step();
  std::optional<TriageRow> triage;
  if (row.ok() && *row) triage = ReadTriageRow(*select);
  select->Reset();
  if (!row.ok()) return row.status();
  if (!triage.has_value()) return triage;
  std::vector<TriageRow> one{std::move(*triage)};
  PB_RETURN_IF_ERROR(LoadTriageLabels(db, one));
  return std::optional<TriageRow>(std::move(one.front()));
}

Status LoadTriageLabels(Database& db, std::vector<TriageRow>& rows) {
  static constexpr char kTagsSql[] =
      "SELECT tag_id FROM report_tags INDEXED BY report_tags_by_report WHERE report_id = ? ORDER BY tag_id";
  static constexpr char kPillarsSql[] =
      "SELECT pillar FROM report_pillars INDEXED BY report_pillars_by_report WHERE report_id = ? ORDER BY pillar";
  for (TriageRow& row : rows) {
    PB_ASSIGN_OR_RETURN(row.tags, ListLabels(db, kTagsSql, row.summary.id));
    PB_ASSIGN_OR_RETURN(row.pillars, ListLabels(db, kPillarsSql, row.summary.id));
  }
  return Status::Ok();
}

}  // namespace pillarbox::store

