// The reading half of CountReportsPerMonth (store/stats_month_counter.h):
// the months of a range, the reports of one month from the covering index
// reports_by_day_clear, the link rows of one multi-valued column in report
// id order, and running those reads on one or two connections. What is read
// lands in small per-thread parts (ReportPart, LinkPart) that the counter
// then merges and counts. Internal to store/; free functions are
// thread-compatible (each part is filled by one thread).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "store/database.h"
#include "store/hex_id.h"
#include "store/stats_month_counter.h"
#include "store/stats_queries.h"

namespace pillarbox::store {

// Whether `source` has one value per report (a clear column of reports).
bool SingleValued(StatsSource source);

// Position of a single-valued source among the index's clear columns
// (kind 0, region 1, sector 2, status 3).
int IndexPosition(StatsSource source);

// One month of a query's range: its days [from, to) or, for the last
// month, [from, to]. The months partition "from_month-01".."to_month-31"
// exactly under text comparison (what BETWEEN on received_day selects).
struct MonthRange {
  std::string month;
  std::string from;
  std::string to;
  bool to_inclusive = false;
};

// "YYYY-MM" -> months since year 0, or -1 when it is not a month.
int MonthIndex(std::string_view month);

// The months first..last (MonthIndex values), in order.
std::vector<MonthRange> MonthRanges(int first, int last);

// A report id and its position in its part.
struct IdPosition {
  HexId id;
  uint32_t position = 0;
};

// Sorts `items` by id (id_of(item)): nothing to do when they are sorted
// already (links read in report id order); otherwise one bucket pass on the
// top 16 bits (random ids spread evenly) and a sort of each small bucket.
template <typename T, typename IdOf>
void SortByHexId(std::vector<T>& items, IdOf id_of) {
  const auto less = [&id_of](const T& a, const T& b) { return HexIdLess(id_of(a), id_of(b)); };
  if (std::is_sorted(items.begin(), items.end(), less)) return;
  constexpr size_t kBuckets = 1 << 16;
  std::vector<uint32_t> starts(kBuckets + 1, 0);
  for (const T& item : items) ++starts[(id_of(item).hi >> 48) + 1];
  for (size_t b = 1; b <= kBuckets; ++b) starts[b] += starts[b - 1];
  std::vector<T> out(items.size());
  std::vector<uint32_t> next(starts.begin(), starts.end() - 1);
  for (const T& item : items) out[next[id_of(item).hi >> 48]++] = item;
  for (size_t b = 0; b < kBuckets; ++b) {
    if (starts[b + 1] - starts[b] > 1) std::sort(out.begin() + starts[b], out.begin() + starts[b + 1], less);
  }
  items.swap(out);
}

// What one thread's reads of reports give (months appended in the order
// read), positions local to the part. Codes are the part's own (parts are
// filled by different threads) and are mapped to the query's codes
// afterwards. Ids that are not 32 lowercase hex digits (none
// from intake; tests use short ones) are kept as text in `odd_ids`.
struct ReportPart {
  explicit ReportPart(size_t width) : codes(width) {}
  StatsValueCodes codes;
  std::vector<uint64_t> keys;  // month code in bits 0-15, single column i in bits 16(i+1)..
  std::vector<int64_t> weights;    // grouped reads: the count of each key (else 1 each)
  std::vector<IdPosition> sorted;  // when ids are read: (id, position), sorted by id after reading
  std::unordered_map<std::string, uint32_t> odd_ids;  // id -> position
};

// The links of one column: (report id, value code).
struct LinkPart {
  explicit LinkPart(size_t width) : codes(width) {}
  StatsValueCodes codes;
  std::vector<std::pair<HexId, uint32_t>> links;
  std::vector<std::pair<std::string, uint32_t>> odd_links;
};

// Reads `month`'s reports into `part`: one row per report (with its id when
// `with_ids`), or, when `grouped`, one row per group of equal values.
// FailedPrecondition past 65,536 values of a column; Unavailable on an I/O
// error.
Status ReadReports(Database& db, const std::vector<StatsColumn>& columns, const MonthRange& month, bool with_ids,
                   bool grouped, ReportPart& part);

// Reads the (report id, value) links of multi-valued `column` (the
// column_index-th of the query) into `part`, sorted by id. Errors as
// ReadReports.
Status ReadLinks(Database& db, const StatsColumn& column, size_t column_index, LinkPart& part);

// A unit of reading: given a connection and the index of the thread running
// it (0 or 1).
using ReadTask = std::function<Status(Database&, size_t)>;

// Runs `tasks` on `db` (thread 0) and, when given, on `helper` in a second
// thread (1), both taking the next task not taken yet. Returns the first
// failure in task order.
Status RunTasks(Database& db, Database* helper, const std::vector<ReadTask>& tasks);

}  // namespace pillarbox::store
