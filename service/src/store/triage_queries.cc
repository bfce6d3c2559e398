#include "store/triage_queries.h"

#include <array>

namespace pillarbox::store {
namespace {

// Parameters: ?1 ?2 the cursor (received_day, id), ?3 the limit, ?4 the
// driver's key; ?10.. the conditions (NULL = any), see BindConditions.
constexpr char kColumns[] =
    "SELECT r.id, r.kind, r.desk_id, r.received_day, r.region, r.sector, r.status, r.assignee_id, "
    "r.close_reason, r.acknowledged_day, r.first_feedback_day, r.revision ";

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

// Conditions checked on each row the walk meets. Cheap index-only tests come
// first: SQLite defers the seek into the table until a column needs it.
constexpr char kConditions[] =
    "AND r.desk_id IN (SELECT value FROM json_each(?10)) "
    "AND r.received_day <= ?20 "
    "AND (?14 IS NULL OR r.status = ?14) "
    "AND (?11 IS NULL OR r.kind = ?11) "
    "AND (?12 IS NULL OR r.region = ?12) "
    "AND (?13 IS NULL OR r.sector = ?13) "
    "AND (?15 IS NULL OR r.assignee_id = ?15) "
    "AND (?16 = 0 OR r.assignee_id IS NULL) "
    "AND (?17 IS NULL OR EXISTS (SELECT 1 FROM report_tags x "
    "WHERE x.tag_id = ?17 AND x.received_day = r.received_day AND x.report_id = r.id)) "
    "AND (?18 IS NULL OR EXISTS (SELECT 1 FROM report_pillars y "
    "WHERE y.pillar = ?18 AND y.received_day = r.received_day AND y.report_id = r.id)) "
    "AND (?21 = 0 OR (r.status = 'new' AND r.received_day < ?22) "
    "OR (r.first_feedback_day IS NULL AND r.status <> 'closed' AND r.received_day < ?23)) ";

// Sorts after every real (received_day, id): days are YYYY-MM-DD, ids hex.
constexpr char kEndOfTimeDay[] = "9999-12-31";
constexpr char kAfterEveryId[] = "~";

// The statements, built once; Database::Prepare caches by pointer, and these
// strings live as long as the process.
const std::string& WalkSql(TriageDriver driver) {
  static const std::array<std::string, 5> sql = [] {
    std::array<std::string, 5> built;
    for (size_t i = 0; i < kDrivers.size(); ++i) {
      built[i] = std::string(kColumns) + kDrivers[i].from + kConditions + kDrivers[i].order + "LIMIT ?3";
    }
    return built;
  }();
  return sql[static_cast<size_t>(driver)];
}

const std::string& CountSql(TriageDriver driver) {
  static const std::array<std::string, 5> sql = [] {
    std::array<std::string, 5> built;
    for (size_t i = 0; i < kDrivers.size(); ++i) {
      built[i] = std::string("SELECT r.status, count(*) ") + kDrivers[i].from + kConditions + "GROUP BY r.status";
    }
    return built;
  }();
  return sql[static_cast<size_t>(driver)];
}

// `values` as a JSON array of strings (for json_each).
std::string JsonArray(const std::vector<std::string>& values) {
  std::string json = "[";
  for (const std::string& value : values) {
    if (json.size() > 1) json += ',';
    json += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') json += '\\';
      json += c;
    }
    json += '"';
  }
  return json + "]";
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
  statement.BindText(10, JsonArray(c.desks));
  BindOptional(statement, 11, c.kind);
  BindOptional(statement, 12, c.region);
  BindOptional(statement, 13, c.sector);
  BindOptional(statement, 14, c.status);
  BindOptional(statement, 15, c.assignee_id);
  statement.BindInt64(16, int64_t{c.unassigned ? 1 : 0});
  BindOptional(statement, 17, c.tag_id);
  BindOptional(statement, 18, c.pillar);
  statement.BindText(19, c.from_day);
  statement.BindText(20, c.to_day);
  statement.BindInt64(21, int64_t{c.overdue ? 1 : 0});
  statement.BindText(22, c.acknowledge_before);
  statement.BindText(23, c.feedback_before);
}

TriageRow ReadTriageRow(const Statement& row) {
  TriageRow triage;
  triage.summary = {row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                    row.ColumnText(4), row.ColumnText(5), row.ColumnText(6)};
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

Result<std::vector<TriageRow>> WalkTriage(Database& db, const TriageWalk& walk, const TriageConditions& conditions,
                                          const TriageCursor& after, int limit) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(WalkSql(walk.driver).c_str()));
  const TriageCursor bound = UpperBound(after, conditions);
  select->BindText(1, bound.received_day);
  select->BindText(2, bound.id);
  select->BindInt64(3, int64_t{limit});
  BindConditions(*select, walk, conditions);
  std::vector<TriageRow> rows;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      return rows;
    }
    rows.push_back(ReadTriageRow(*select));
  }
}

Result<std::map<std::string, int64_t>> CountTriage(Database& db, const TriageWalk& walk,
                                                    const TriageConditions& conditions) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(CountSql(walk.driver).c_str()));
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
