// Statistics queries (schema/007_statistics.sql): report counts per received
// month over clear dimensions, the threshold release log and the privacy
// budget ledger. Never returns a report id or a day: months ("YYYY-MM") and
// closed values only. Demo reports (reports.demo = 1) are never counted: the
// numbers researchers publish describe real reports only. Free functions on
// a Database; thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// Where a dimension's values come from.
enum class StatsSource {
  kKind,        // reports.kind
  kRegion,      // reports.region
  kSector,      // reports.sector
  kStatus,      // reports.status (the report workflow status)
  kPillar,      // report_pillars.pillar (several per report)
  kActionKind,  // actions.kind of the actions of the cases holding the report (several)
  kCaseStatus,  // cases.status of the cases holding the report (several)
  kAnswer,      // report_clear_answers.value of `answer_field` (one or several)
};

struct StatsColumn {
  StatsSource source = StatsSource::kKind;
  std::string answer_field;  // kAnswer only: the questionnaire field
};

// One group: `count` reports received in `month` with `values` (one per
// column, in column order). A report counts once per combination of values it
// has (multi-valued sources count it under each of its values); a report
// without any value for a column is not counted.
struct StatsRow {
  std::string month;
  std::vector<std::string> values;
  int64_t count = 0;
  bool operator==(const StatsRow&) const = default;
};

// Counts per month and value combination of `columns` (at most 3) for the
// non-demo reports received in months `from_month`..`to_month` ("YYYY-MM",
// inclusive), sorted by month then values. Only combinations with a count
// are returned. The reports of the range are read once from the covering
// index reports_by_day_clear, each multi-valued column's link rows in one
// scan, and everything is counted in memory (store/stats_month_counter.h),
// never a seek per report. `helper`, when given, is a second connection to
// the same database that no other thread uses during the call: half of the
// reading then runs on it in a second thread. Unavailable on I/O errors;
// InvalidArgument when more than 3 columns are given or a month is not
// YYYY-MM.
Result<std::vector<StatsRow>> CountReportsPerMonth(Database& db, const std::vector<StatsColumn>& columns,
                                                   std::string_view from_month, std::string_view to_month,
                                                   Database* helper = nullptr);

// CountReportsPerMonth for several subsets of `columns` at once (each subset
// ascending indexes into `columns`): result[s] equals CountReportsPerMonth
// over the columns of subsets[s]. One walk of the reports and one scan per multi-valued column serve every
// subset (the threshold release counts a table and its margins this way).
// `helper` as for CountReportsPerMonth. Unavailable on I/O errors;
// InvalidArgument when more than 3 columns are given or a subset names a
// column out of range.
Result<std::vector<std::vector<StatsRow>>> CountSubsetsPerMonth(Database& db, const std::vector<StatsColumn>& columns,
                                                                const std::vector<std::vector<size_t>>& subsets,
                                                                std::string_view from_month,
                                                                std::string_view to_month,
                                                                Database* helper = nullptr);

// A published table of the release log: cell key -> count (nullopt when
// suppressed) and the k it was released with.
struct ReleasedTable {
  int64_t k = 0;
  std::map<std::string, std::optional<int64_t>> cells;
};

// The released tables of `group_by` (a canonical dimension list, "" for
// month totals) for months `from_month`..`to_month`, by month.
Result<std::map<std::string, ReleasedTable>> LoadReleasedTables(Database& db, std::string_view group_by,
                                                                 std::string_view from_month,
                                                                 std::string_view to_month);

// Records `table` as released for (group_by, month) on `day`. Conflict when
// that table was released already (the log is append-only).
Status InsertReleasedTable(Database& db, std::string_view group_by, std::string_view month, std::string_view day,
                           const ReleasedTable& table);

// A researcher's budget in micro-epsilon.
struct StatsBudget {
  int64_t total_micro = 0;
  int64_t spent_micro = 0;
};

// `user_id`'s budget, or nullopt when they never ran a DP query.
Result<std::optional<StatsBudget>> LoadStatsBudget(Database& db, std::string_view user_id);

// One DP query to charge.
struct StatsCharge {
  std::string user_id;
  std::string day;  // YYYY-MM-DD
  int64_t epsilon_micro = 0;
  std::string group_by;
  std::string from_month, to_month;
};

// Charges `charge` to its user's budget (created with `default_total_micro`
// when missing) and records it in stats_charges; returns the budget after the
// charge. Conflict (field "epsilon") when the charge exceeds what remains;
// nothing is written then. Run inside a write op.
Result<StatsBudget> ChargeStatsBudget(Database& db, const StatsCharge& charge, int64_t default_total_micro);

}  // namespace pillarbox::store
