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

}  // namespace

Result<std::vector<StatsRow>> CountReportsPerMonth(Database& db, const std::vector<StatsColumn>& columns,
                                                   std::string_view from_month, std::string_view to_month,
                                                   Database* helper) {
  std::vector<size_t> all(columns.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  PB_ASSIGN_OR_RETURN(auto counted, CountSubsetsPerMonth(db, columns, {all}, from_month, to_month, helper));
  return std::move(counted.front());
}

Result<std::vector<std::vector<StatsRow>>> CountSubsetsPerMonth(Database& db, const std::vector<StatsColumn>& columns,
                                                                const std::vector<std::vector<size_t>>& subsets,
                                                                std::string_view from_month,
                                                                std::string_view to_month, Database* helper) {
  if (columns.size() > kMaxColumns) return Status::InvalidArgument("at most 3 dimensions", "group_by");
  for (const auto& subset : subsets) {
    for (size_t i : subset) {
      if (i >= columns.size()) return Status::InvalidArgument("unknown column in a subset", "group_by");
    }
  }
  return CountSubsetsInMemory(db, helper, columns, subsets, from_month, to_month);
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
