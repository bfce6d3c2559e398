#include "store/stats_queries.h"

#include <algorithm>
#include <functional>
#include <tuple>
#include <memory>
#include <mutex>

#include "store/row_loop.h"
#include "store/stats_month_counter.h"

namespace pillarbox::store {
namespace {

constexpr size_t kMaxColumns = 3;

bool SingleValued(StatsSource source) {
  return source == StatsSource::kKind || source == StatsSource::kRegion || source == StatsSource::kSector ||
         source == StatsSource::kStatus;
}

// Position of a single-valued source in reports_by_day_clear (after received_day).
int IndexPosition(StatsSource source) {
  switch (source) {
    case StatsSource::kKind: return 0;
    case StatsSource::kRegion: return 1;
    case StatsSource::kSector: return 2;
    default: return 3;
  }
}

constexpr const char* kIndexColumns[] = {"r.kind", "r.region", "r.sector", "r.status"};

// The SQL of one query shape; `key` identifies the shape. Statements are
// cached by pointer (Database::Prepare), so each shape's text is built once
// and kept for the life of the process (a few dozen shapes at most).
const char* InternSql(const std::string& key, const std::function<std::string()>& build) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<std::string>> texts;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = texts[key];
  if (!slot) slot = std::make_unique<std::string>(build());
  return slot->c_str();
}

// Single-valued columns: group by day and the index's columns up to the last
// one asked for, in index order, so SQLite aggregates while walking the index
// (no sort); the caller folds days into months and drops unasked columns.
std::string IndexWalkSql(int depth) {
  std::string columns;
  for (int i = 0; i < depth; ++i) columns += std::string(", ") + kIndexColumns[i];
  return "SELECT r.received_day" + columns + ", COUNT(*) FROM reports r INDEXED BY reports_by_day_clear "
         "WHERE r.received_day BETWEEN ?1 AND ?2 AND r.demo = 0 GROUP BY r.received_day" + columns;
}

Result<std::vector<StatsRow>> CountByIndexWalk(Database& db, const std::vector<StatsColumn>& columns,
                                               std::string_view from_day, std::string_view to_day) {
  int depth = 0;
  for (const auto& column : columns) depth = std::max(depth, IndexPosition(column.source) + 1);
  const char* sql = InternSql("walk:" + std::to_string(depth), [depth] { return IndexWalkSql(depth); });
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(sql));
  select->BindText(1, from_day);
  select->BindText(2, to_day);
  StatsValueCodes codes(columns.size());
  StatsKeyCounts counts;
  Status status = Status::Ok();
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    if (!status.ok()) return;
    Result<uint64_t> code = codes.Code(0, row.ColumnTextView(0).substr(0, 7));
    uint64_t key = code.ok() ? *code : 0;
    for (size_t i = 0; i < columns.size() && code.ok(); ++i) {
      code = codes.Code(i + 1, row.ColumnTextView(1 + IndexPosition(columns[i].source)));
      if (code.ok()) key |= *code << (16 * (i + 1));
    }
    if (!code.ok()) {
      status = code.status();
      return;
    }
    counts.Add(key, row.ColumnInt64(depth + 1));
  }));
  PB_RETURN_IF_ERROR(status);
  std::vector<size_t> positions(columns.size());
  for (size_t i = 0; i < positions.size(); ++i) positions[i] = i;
  return counts.Rows(codes, positions);
}

bool AllSingleValued(const std::vector<StatsColumn>& columns) {
  return std::all_of(columns.begin(), columns.end(),
                     [](const StatsColumn& column) { return SingleValued(column.source); });
}

}  // namespace

Result<std::vector<StatsRow>> CountReportsPerMonth(Database& db, const std::vector<StatsColumn>& columns,
                                                   std::string_view from_month, std::string_view to_month) {
  std::vector<size_t> all(columns.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  PB_ASSIGN_OR_RETURN(auto counted, CountSubsetsPerMonth(db, columns, {all}, from_month, to_month));
  return std::move(counted.front());
}

Result<std::vector<std::vector<StatsRow>>> CountSubsetsPerMonth(Database& db, const std::vector<StatsColumn>& columns,
                                                                const std::vector<std::vector<size_t>>& subsets,
                                                                std::string_view from_month,
                                                                std::string_view to_month) {
  if (columns.size() > kMaxColumns) return Status::InvalidArgument("at most 3 dimensions", "group_by");
  for (const auto& subset : subsets) {
    for (size_t i : subset) {
      if (i >= columns.size()) return Status::InvalidArgument("unknown column in a subset", "group_by");
    }
  }
  const std::string from_day = std::string(from_month) + "-01";
  const std::string to_day = std::string(to_month) + "-31";
  std::vector<std::vector<StatsColumn>> subset_columns;
  bool any_multi = false;
  for (const auto& subset : subsets) {
    std::vector<StatsColumn> chosen;
    for (size_t i : subset) chosen.push_back(columns[i]);
    any_multi = any_multi || !AllSingleValued(chosen);
    subset_columns.push_back(std::move(chosen));
  }
  if (any_multi) return CountSubsetsInMemory(db, columns, subsets, from_day, to_day);
  std::vector<std::vector<StatsRow>> results;
  for (const auto& chosen : subset_columns) {
    PB_ASSIGN_OR_RETURN(auto rows, CountByIndexWalk(db, chosen, from_day, to_day));
    results.push_back(std::move(rows));
  }
  return results;
}

Result<std::map<std::string, ReleasedTable>> LoadReleasedTables(Database& db, std::string_view group_by,
                                                                 std::string_view from_month,
                                                                 std::string_view to_month) {
  static constexpr char kSql[] =
      "SELECT t.month, t.k, c.cell, c.count FROM stats_released_tables t "
      "JOIN stats_released_cells c ON c.group_by = t.group_by AND c.month = t.month "
      "WHERE t.group_by = ?1 AND t.month BETWEEN ?2 AND ?3 ORDER BY t.month, c.cell";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, group_by);
  select->BindText(2, from_month);
  select->BindText(3, to_month);
  std::map<std::string, ReleasedTable> tables;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&tables](Statement& row) {
    ReleasedTable& table = tables[row.ColumnText(0)];
    table.k = row.ColumnInt64(1);
    table.cells[row.ColumnText(2)] =
        row.ColumnIsNull(3) ? std::nullopt : std::optional<int64_t>(row.ColumnInt64(3));
  }));
  return tables;
}

Status InsertReleasedTable(Database& db, std::string_view group_by, std::string_view month, std::string_view day,
                           const ReleasedTable& table) {
  static constexpr char kTableSql[] =
      "INSERT INTO stats_released_tables (group_by, month, k, released_day) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT DO NOTHING";
  static constexpr char kCellSql[] =
      "INSERT INTO stats_released_cells (group_by, month, cell, count) VALUES (?1, ?2, ?3, ?4)";
  PB_ASSIGN_OR_RETURN(Statement * insert_table, db.Prepare(kTableSql));
  insert_table->BindText(1, group_by);
  insert_table->BindText(2, month);
  insert_table->BindInt64(3, table.k);
  insert_table->BindText(4, day);
  PB_RETURN_IF_ERROR(insert_table->Run());
  if (db.ChangedRows() == 0) return Status::Conflict("this table was released meanwhile; ask again");
  PB_ASSIGN_OR_RETURN(Statement * insert_cell, db.Prepare(kCellSql));
  for (const auto& [cell, count] : table.cells) {
    insert_cell->Reset();
    insert_cell->BindText(1, group_by);
    insert_cell->BindText(2, month);
    insert_cell->BindText(3, cell);
    if (count.has_value()) {
      insert_cell->BindInt64(4, *count);
    } else {
      insert_cell->BindNull(4);
    }
    PB_RETURN_IF_ERROR(insert_cell->Run());
  }
  return Status::Ok();
}

Result<std::optional<StatsBudget>> LoadStatsBudget(Database& db, std::string_view user_id) {
  static constexpr char kSql[] = "SELECT total_micro, spent_micro FROM stats_budgets WHERE user_id = ?";
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kSql));
  select->BindText(1, user_id);
  std::optional<StatsBudget> budget;
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&budget](Statement& row) {
    budget = StatsBudget{row.ColumnInt64(0), row.ColumnInt64(1)};
  }));
  return budget;
}

Result<StatsBudget> ChargeStatsBudget(Database& db, const StatsCharge& charge, int64_t default_total_micro) {
  PB_ASSIGN_OR_RETURN(auto existing, LoadStatsBudget(db, charge.user_id));
  StatsBudget budget = existing.value_or(StatsBudget{default_total_micro, 0});
  if (charge.epsilon_micro > budget.total_micro - budget.spent_micro) {
    return Status::Conflict("epsilon exceeds the remaining privacy budget", "epsilon");
  }
  budget.spent_micro += charge.epsilon_micro;
  static constexpr char kBudgetSql[] =
      "INSERT INTO stats_budgets (user_id, total_micro, spent_micro) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (user_id) DO UPDATE SET spent_micro = excluded.spent_micro";
  PB_ASSIGN_OR_RETURN(Statement * upsert, db.Prepare(kBudgetSql));
  upsert->BindText(1, charge.user_id);
  upsert->BindInt64(2, budget.total_micro);
  upsert->BindInt64(3, budget.spent_micro);
  PB_RETURN_IF_ERROR(upsert->Run());
  static constexpr char kChargeSql[] =
      "INSERT INTO stats_charges (user_id, seq, charged_day, epsilon_micro, group_by, from_month, to_month) "
      "VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stats_charges WHERE user_id = ?1), ?2, ?3, ?4, ?5, ?6)";
  PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kChargeSql));
  insert->BindText(1, charge.user_id);
  insert->BindText(2, charge.day);
  insert->BindInt64(3, charge.epsilon_micro);
  insert->BindText(4, charge.group_by);
  insert->BindText(5, charge.from_month);
  insert->BindText(6, charge.to_month);
  PB_RETURN_IF_ERROR(insert->Run());
  return budget;
}

}  // namespace pillarbox::store
