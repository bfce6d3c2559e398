#include "stats/stats_service.h"

#include <algorithm>
#include <set>

#include "audit/audit_log.h"

namespace pillarbox::stats {
namespace {

constexpr int64_t kMicro = 1'000'000;

bool IsMonth(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12 && text.substr(0, 4) >= "1970";
}

int MonthIndex(const std::string& month) {
  return std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5, 2)) - 1;
}

std::string MonthName(int index) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
  return text;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t comma = text.find(',', start);
    parts.push_back(text.substr(start, comma - start));
    if (comma == std::string::npos) return parts;
    start = comma + 1;
  }
}

std::string JoinCommas(const std::vector<std::string>& parts) {
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) joined += (i == 0 ? "" : ",") + parts[i];
  return joined;
}

// Subsets of {0..n-1} as ascending index lists, smallest first (then
// lexicographic), the full set last.
std::vector<std::vector<size_t>> SubsetsBottomUp(size_t n) {
  std::vector<std::vector<size_t>> subsets;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    std::vector<size_t> subset;
    for (size_t i = 0; i < n; ++i) {
      if ((mask & (1u << i)) != 0) subset.push_back(i);
    }
    subsets.push_back(std::move(subset));
  }
  std::stable_sort(subsets.begin(), subsets.end(),
                   [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; });
  return subsets;
}

bool IsSubset(const std::vector<size_t>& small, const std::vector<size_t>& large) {
  return std::includes(large.begin(), large.end(), small.begin(), small.end());
}

// True when `subset` (ascending indexes into `dims`) leaves out a
// multi-valued dimension: its cells are then not sums of the table's cells.
bool SumsOutMultiValued(const std::vector<const StatsDimensionSpec*>& dims, const std::vector<size_t>& subset) {
  for (size_t i = 0; i < dims.size(); ++i) {
    if (dims[i]->multi_valued && !std::binary_search(subset.begin(), subset.end(), i)) return true;
  }
  return false;
}

// The published proper subsets of subsets[s], as margins of subsets[s].
std::vector<PublishedMargin> MarginsOf(const std::vector<std::vector<size_t>>& subsets, size_t s,
                                       const std::vector<TableRelease>& releases, const std::vector<bool>& published) {
  std::vector<PublishedMargin> margins;
  for (size_t t = 0; t < subsets.size(); ++t) {
    if (!published[t] || subsets[t].size() >= subsets[s].size() || !IsSubset(subsets[t], subsets[s])) continue;
    PublishedMargin margin;
    for (size_t i : subsets[t]) {
      margin.dimension_indexes.push_back(
          static_cast<size_t>(std::find(subsets[s].begin(), subsets[s].end(), i) - subsets[s].begin()));
    }
    margin.release = releases[t];
    margins.push_back(std::move(margin));
  }
  return margins;
}

// The table of one month over `dims` from `rows` (rows of other months and
// values outside the vocabulary are skipped).
CountTable BuildTable(const std::vector<const StatsDimensionSpec*>& dims, const std::vector<store::StatsRow>& rows,
                      const std::string& month) {
  CountTable table;
  for (const auto* dim : dims) table.dimensions.push_back({dim->name, dim->values, dim->multi_valued});
  table.counts.assign(table.CellCount(), 0);
  for (const auto& row : rows) {
    if (row.month != month) continue;
    std::vector<size_t> coordinates;
    for (size_t i = 0; i < dims.size(); ++i) {
      const auto& values = dims[i]->values;
      const auto found = std::find(values.begin(), values.end(), row.values[i]);
      if (found == values.end()) break;
      coordinates.push_back(static_cast<size_t>(found - values.begin()));
    }
    if (coordinates.size() != dims.size()) continue;
    table.counts[table.CellIndex(coordinates)] += row.count;
  }
  return table;
}

// The cell key of cell `index` of `table`: its values joined by ','.
std::string CellKey(const CountTable& table, size_t index) {
  const auto coordinates = table.Coordinates(index);
  std::vector<std::string> values;
  for (size_t i = 0; i < coordinates.size(); ++i) values.push_back(table.dimensions[i].values[coordinates[i]]);
  return JoinCommas(values);
}

store::ReleasedTable ToReleased(const CountTable& table, const TableRelease& release, int64_t k) {
  store::ReleasedTable released{k, {}};
  for (size_t i = 0; i < release.size(); ++i) {
    released.cells[CellKey(table, i)] =
        release[i].suppressed ? std::nullopt : std::optional<int64_t>(release[i].count);
  }
  return released;
}

TableRelease FromReleased(const CountTable& layout, const store::ReleasedTable& released) {
  TableRelease release(layout.CellCount());
  for (size_t i = 0; i < release.size(); ++i) {
    const auto found = released.cells.find(CellKey(layout, i));
    // A value added to the vocabulary after the release was not published.
    if (found == released.cells.end() || !found->second.has_value()) {
      release[i] = CellRelease{true, 0};
    } else {
      release[i] = CellRelease{false, *found->second};
    }
  }
  return release;
}

// Rows of `subset` summed from `rows` over `full` columns: exact when every
// column summed out is single-valued (each report has exactly one value).
std::vector<store::StatsRow> SumOut(const std::vector<store::StatsRow>& rows, const std::vector<size_t>& subset) {
  std::map<std::pair<std::string, std::vector<std::string>>, int64_t> sums;
  for (const auto& row : rows) {
    std::vector<std::string> values;
    for (size_t i : subset) values.push_back(row.values[i]);
    sums[{row.month, values}] += row.count;
  }
  std::vector<store::StatsRow> out;
  for (auto& [key, count] : sums) out.push_back({key.first, key.second, count});
  return out;
}

}  // namespace

std::string FormatMicro(int64_t micro) {
  std::string text = std::to_string(micro / kMicro);
  int64_t fraction = micro % kMicro;
  if (fraction == 0) return text;
  std::string digits = std::to_string(fraction);
  digits = std::string(6 - digits.size(), '0') + digits;
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return text + "." + digits;
}

struct StatsService::Parsed {
  std::vector<const StatsDimensionSpec*> dims;  // canonical order
  std::string group_key;                        // names joined by ','
  std::string from, to;
  bool dp = false;
  int64_t epsilon_micro = 0;
  Rational epsilon;
};

Result<std::unique_ptr<StatsService>> StatsService::Make(store::ReaderPool& readers, store::GroupCommitWriter& writer,
                                                         const privacy::SecretKey& audit_key, const Clock& clock,
                                                         StatsVocabulary vocabulary, StatsOptions options,
                                                         UniformSource& random) {
  if (options.threshold < kMinimumThreshold) {
    return Status::InvalidArgument("the threshold must be at least " + std::to_string(kMinimumThreshold), "k");
  }
  if (options.epsilon_budget_micro < 0) return Status::InvalidArgument("the budget must not be negative", "budget");
  return std::unique_ptr<StatsService>(
      new StatsService(readers, writer, audit_key, clock, std::move(vocabulary), options, random));
}

Result<StatsService::Parsed> StatsService::Parse(const StatsRequest& request) const {
  Parsed parsed;
  std::set<std::string> asked;
  if (request.group_by.has_value() && !request.group_by->empty()) {
    for (const auto& name : SplitCommas(*request.group_by)) {
      if (!asked.insert(name).second) return Status::InvalidArgument("a dimension is repeated", "group_by");
    }
  }
  if (asked.size() > kMaxStatsDimensions) return Status::InvalidArgument("at most 3 dimensions", "group_by");
  for (const auto& dim : vocabulary_.dimensions) {
    if (asked.erase(dim.name) != 0) parsed.dims.push_back(&dim);
  }
  if (!asked.empty()) return Status::InvalidArgument("unknown dimension", "group_by");
  std::vector<std::string> names;
  for (const auto* dim : parsed.dims) names.push_back(dim->name);
  parsed.group_key = JoinCommas(names);

  if (!request.from.has_value() || !IsMonth(*request.from)) return Status::InvalidArgument("must be YYYY-MM", "from");
  if (!request.to.has_value() || !IsMonth(*request.to)) return Status::InvalidArgument("must be YYYY-MM", "to");
  parsed.from = *request.from;
  parsed.to = *request.to;
  if (parsed.from > parsed.to) return Status::InvalidArgument("must not be after to", "from");
  if (MonthIndex(parsed.to) - MonthIndex(parsed.from) + 1 > kMaxStatsMonths) {
    return Status::InvalidArgument("at most 60 months", "from");
  }
  const std::string current_month = UtcDay(clock_.NowUnixSeconds()).substr(0, 7);
  if (parsed.to >= current_month) {
    return Status::InvalidArgument("must be a complete month, before " + current_month, "to");
  }

  const std::string mechanism = request.mechanism.value_or("threshold");
  if (mechanism != "threshold" && mechanism != "dp") {
    return Status::InvalidArgument("must be threshold or dp", "mechanism");
  }
  parsed.dp = mechanism == "dp";
  if (!parsed.dp) {
    if (request.epsilon.has_value()) return Status::InvalidArgument("only with mechanism=dp", "epsilon");
    return parsed;
  }
  if (!request.epsilon.has_value()) return Status::InvalidArgument("required with mechanism=dp", "epsilon");
  PB_ASSIGN_OR_RETURN(parsed.epsilon, ParseDecimal(*request.epsilon, "epsilon"));
  const Rational& e = parsed.epsilon;
  if (e.numerator > static_cast<uint64_t>(1'000'000'000) || (e.numerator * kMicro) % e.denominator != 0) {
    return Status::InvalidArgument("must be a decimal with at most 6 digits after the point", "epsilon");
  }
  parsed.epsilon_micro = static_cast<int64_t>(e.numerator * kMicro / e.denominator);
  if (parsed.epsilon_micro <= 0) return Status::InvalidArgument("must be greater than zero", "epsilon");
  return parsed;
}

Result<StatsAnswer> StatsService::Query(const accounts::Session& session, const StatsRequest& request) {
  if (session.identity.role != "researcher") {
    return Status::PermissionDenied("statistics are for researchers");
  }
  PB_ASSIGN_OR_RETURN(Parsed parsed, Parse(request));
  if (parsed.dp) return QueryDp(session, parsed);
  // A concurrent query may release the same month first: the log wins, and
  // asking again returns the logged answer.
  Result<StatsAnswer> answer = QueryThreshold(session, parsed);
  if (!answer.ok() && answer.status().code() == StatusCode::kConflict) answer = QueryThreshold(session, parsed);
  return answer;
}

Result<std::string> StatsService::RemainingBudget(const std::string& user_id) {
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(auto budget, store::LoadStatsBudget(lease.db(), user_id));
  if (!budget.has_value()) return FormatMicro(options_.epsilon_budget_micro);
  return FormatMicro(budget->total_micro - budget->spent_micro);
}

namespace {

struct NewRelease {
  std::string group_key;
  std::string month;
  store::ReleasedTable table;
};

Status WriteReleases(store::Database& db, const std::vector<NewRelease>& releases, const std::string& day,
                     const privacy::SecretKey& audit_key, const Clock& clock, const std::string& actor) {
  for (const auto& release : releases) {
    PB_RETURN_IF_ERROR(store::InsertReleasedTable(db, release.group_key, release.month, day, release.table));
  }
  return audit::AppendAuditEntry(db, audit_key, clock,
                                 {actor, "stats.queried", "stats", "", "mechanism=threshold"});
}

Status WriteCharge(store::Database& db, const store::StatsCharge& charge, int64_t budget_micro,
                   const std::string& epsilon, const privacy::SecretKey& audit_key, const Clock& clock,
                   store::StatsBudget& after) {
  PB_ASSIGN_OR_RETURN(after, store::ChargeStatsBudget(db, charge, budget_micro));
  return audit::AppendAuditEntry(db, audit_key, clock,
                                 {charge.user_id, "stats.queried", "stats", "", "mechanism=dp;epsilon=" + epsilon});
}

}  // namespace

Result<StatsAnswer> StatsService::QueryThreshold(const accounts::Session& session, const Parsed& parsed) {
  const size_t n = parsed.dims.size();
  const auto subsets = SubsetsBottomUp(n);
  const int first = MonthIndex(parsed.from);
  const int last = MonthIndex(parsed.to);
  const int64_t k = options_.threshold;

  // What the log already holds, per subset, and the counts of the subsets
  // with a month missing from it.
  std::vector<std::map<std::string, store::ReleasedTable>> logged(subsets.size());
  std::vector<std::optional<std::vector<store::StatsRow>>> rows(subsets.size());
  std::vector<std::vector<const StatsDimensionSpec*>> subset_dims(subsets.size());
  std::vector<std::string> subset_keys(subsets.size());
  {
    auto lease = readers_.Acquire();
    for (size_t s = 0; s < subsets.size(); ++s) {
      std::vector<std::string> names;
      for (size_t i : subsets[s]) {
        subset_dims[s].push_back(parsed.dims[i]);
        names.push_back(parsed.dims[i]->name);
      }
      subset_keys[s] = JoinCommas(names);
      PB_ASSIGN_OR_RETURN(logged[s], store::LoadReleasedTables(lease.db(), subset_keys[s], parsed.from, parsed.to));
    }
    // Counts: a subset that only sums out single-valued dimensions is summed
    // from the full table when that is counted; the others (the full table
    // included) are counted together in one pass of the store.
    const size_t full = subsets.size() - 1;
    const auto months = static_cast<size_t>(last - first + 1);
    const bool full_counted = logged[full].size() != months;
    std::vector<size_t> counted_subsets;
    std::vector<std::vector<size_t>> counted_columns;
    for (size_t s = 0; s < subsets.size(); ++s) {
      if (logged[s].size() == months) continue;
      if (s != full && full_counted && !SumsOutMultiValued(parsed.dims, subsets[s])) continue;
      counted_subsets.push_back(s);
      counted_columns.push_back(subsets[s]);
    }
    std::vector<store::StatsColumn> columns;
    for (const auto* dim : parsed.dims) columns.push_back(dim->column);
    if (!counted_subsets.empty()) {
      auto helper = readers_.TryAcquire();  // a second connection reads in parallel when one is free
      PB_ASSIGN_OR_RETURN(auto counted,
                          store::CountSubsetsPerMonth(lease.db(), columns, counted_columns, parsed.from, parsed.to,
                                                      helper.has_value() ? &helper->db() : nullptr));
      for (size_t c = 0; c < counted_subsets.size(); ++c) rows[counted_subsets[c]] = std::move(counted[c]);
    }
    for (size_t s = 0; s < subsets.size(); ++s) {
      if (logged[s].size() != months && !rows[s].has_value()) rows[s] = SumOut(*rows[full], subsets[s]);
    }
  }

  // Month by month, margins first: released from the log, or released now
  // with the margins already decided.
  std::vector<NewRelease> fresh;
  StatsAnswer answer;
  answer.mechanism = "threshold";
  answer.k = k;
  for (const auto* dim : parsed.dims) answer.dimensions.push_back(dim->name);
  for (int m = first; m <= last; ++m) {
    const std::string month = MonthName(m);
    std::vector<TableRelease> releases(subsets.size());
    std::vector<CountTable> layouts(subsets.size());
    std::vector<bool> published(subsets.size(), false);
    // Margins already in the log are published; margins that sum out a
    // multi-valued dimension are released on their own (they are not sums of
    // the table's cells); the other new margins are released jointly with the
    // table, so that non-nested margins cannot together give cells away.
    const size_t full = subsets.size() - 1;
    std::vector<size_t> joint;
    for (size_t s = 0; s <= full; ++s) {
      layouts[s] = BuildTable(subset_dims[s], rows[s].has_value() ? *rows[s] : std::vector<store::StatsRow>{}, month);
      const auto found = logged[s].find(month);
      if (found != logged[s].end()) {
        releases[s] = FromReleased(layouts[s], found->second);
        published[s] = true;
        continue;
      }
      if (s != full && !SumsOutMultiValued(parsed.dims, subsets[s])) {
        joint.push_back(s);
        continue;
      }
      if (s == full) break;
      PB_ASSIGN_OR_RETURN(releases[s], ReleaseWithThreshold(layouts[s], MarginsOf(subsets, s, releases, published), k));
      published[s] = true;
      fresh.push_back({subset_keys[s], month, ToReleased(layouts[s], releases[s], k)});
    }
    if (!published[full]) {
      std::vector<std::vector<size_t>> new_margins;
      for (size_t s : joint) new_margins.push_back(subsets[s]);
      PB_ASSIGN_OR_RETURN(auto released,
                          ReleaseJointlyWithThreshold(layouts[full], MarginsOf(subsets, full, releases, published),
                                                      new_margins, k));
      for (size_t j = 0; j < joint.size(); ++j) {
        releases[joint[j]] = released.margins[j].release;
        fresh.push_back({subset_keys[joint[j]], month, ToReleased(layouts[joint[j]], releases[joint[j]], k)});
      }
      releases[full] = std::move(released.table);
      fresh.push_back({subset_keys[full], month, ToReleased(layouts[full], releases[full], k)});
    }
    const CountTable& table = layouts.back();
    const TableRelease& release = releases.back();
    for (size_t i = 0; i < release.size(); ++i) {
      StatsCell cell{month, {}, release[i].suppressed, release[i].suppressed ? 0 : release[i].count};
      const auto coordinates = table.Coordinates(i);
      for (size_t d = 0; d < coordinates.size(); ++d) cell.values.push_back(table.dimensions[d].values[coordinates[d]]);
      answer.cells.push_back(std::move(cell));
    }
  }

  const std::string day = UtcDay(clock_.NowUnixSeconds());
  const std::string actor = session.identity.user_id;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&fresh, &day, &actor, this](store::Database& db) {
    return WriteReleases(db, fresh, day, audit_key_, clock_, actor);
  }));
  PB_ASSIGN_OR_RETURN(answer.remaining_budget, RemainingBudget(actor));
  return answer;
}

Result<StatsAnswer> StatsService::QueryDp(const accounts::Session& session, const Parsed& parsed) {
  std::vector<store::StatsColumn> columns;
  int64_t sensitivity = 1;
  for (const auto* dim : parsed.dims) {
    columns.push_back(dim->column);
    sensitivity *= std::max<int64_t>(1, dim->max_values_per_report);
  }
  std::vector<store::StatsRow> rows;
  {
    auto lease = readers_.Acquire();
    auto helper = readers_.TryAcquire();  // a second connection reads in parallel when one is free
    PB_ASSIGN_OR_RETURN(rows, store::CountReportsPerMonth(lease.db(), columns, parsed.from, parsed.to,
                                                          helper.has_value() ? &helper->db() : nullptr));
  }
  StatsAnswer answer;
  answer.mechanism = "dp";
  answer.epsilon = FormatMicro(parsed.epsilon_micro);
  for (const auto* dim : parsed.dims) answer.dimensions.push_back(dim->name);

  // Charge first: nothing noisy leaves unless the budget paid for it.
  const store::StatsCharge charge{session.identity.user_id, UtcDay(clock_.NowUnixSeconds()), parsed.epsilon_micro,
                                  parsed.group_key, parsed.from, parsed.to};
  store::StatsBudget after;
  const int64_t budget_micro = options_.epsilon_budget_micro;
  PB_RETURN_IF_ERROR(writer_.SubmitAndWait([&charge, &after, budget_micro, &answer, this](store::Database& db) {
    return WriteCharge(db, charge, budget_micro, answer.epsilon, audit_key_, clock_, after);
  }));
  answer.remaining_budget = FormatMicro(after.total_micro - after.spent_micro);

  // scale = sensitivity / epsilon = sensitivity * den / num.
  const Rational scale{static_cast<uint64_t>(sensitivity) * parsed.epsilon.denominator, parsed.epsilon.numerator};
  std::lock_guard<std::mutex> lock(random_mutex_);
  for (int m = MonthIndex(parsed.from); m <= MonthIndex(parsed.to); ++m) {
    const std::string month = MonthName(m);
    const CountTable table = BuildTable(parsed.dims, rows, month);
    for (size_t i = 0; i < table.CellCount(); ++i) {
      StatsCell cell{month, {}, false, table.counts[i] + SampleDiscreteLaplace(scale, random_)};
      const auto coordinates = table.Coordinates(i);
      for (size_t d = 0; d < coordinates.size(); ++d) cell.values.push_back(table.dimensions[d].values[coordinates[d]]);
      answer.cells.push_back(std::move(cell));
    }
  }
  return answer;
}

}  // namespace pillarbox::stats
