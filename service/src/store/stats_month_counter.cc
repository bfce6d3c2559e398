#include "store/stats_month_counter.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <thread>
#include <tuple>
#include <utility>

#include "store/hex_id.h"
#include "store/stats_month_reads.h"

namespace pillarbox::store {
namespace {

constexpr uint64_t kMaxCode = 0xFFFF;
constexpr size_t kLinearSearchLimit = 32;

// map[book][part code] = the query's code of the same value.
Result<std::vector<std::vector<uint64_t>>> CodeMap(StatsValueCodes& codes, const StatsValueCodes& part, size_t width) {
  std::vector<std::vector<uint64_t>> map(width + 1);
  for (size_t book = 0; book <= width; ++book) {
    for (uint64_t c = 0; c < part.Size(book); ++c) {
      PB_ASSIGN_OR_RETURN(uint64_t code, codes.Code(book, part.Value(book, c)));
      map[book].push_back(code);
    }
  }
  return map;
}

// Runs fn(0) and fn(1): on two threads when `parallel`, else one after the
// other.
void RunHalves(bool parallel, const std::function<void(size_t)>& fn) {
  if (!parallel) {
    fn(0);
    fn(1);
    return;
  }
  std::thread second([&fn] { fn(1); });
  fn(0);
  second.join();
}

// [begin, end) of half `h` of n items.
std::pair<size_t, size_t> Half(size_t n, size_t h) { return h == 0 ? std::pair{size_t{0}, n / 2} : std::pair{n / 2, n}; }

// The links of one column matched to reports: (report position in the
// query, value code in the query).
using Matches = std::vector<std::pair<uint32_t, uint32_t>>;

// Matches links[begin, end) of `links` (sorted by id) against each part's
// sorted ids in one merge pass (part k's positions start at offsets[k]);
// `code_map` maps the link part's codes.
void MatchLinks(const LinkPart& links, size_t begin, size_t end, const std::vector<uint64_t>& code_map,
                const std::vector<std::unique_ptr<ReportPart>>& reports, const std::vector<uint32_t>& offsets,
                Matches& out) {
  if (begin >= end) return;
  for (size_t k = 0; k < reports.size(); ++k) {
    const std::vector<IdPosition>& sorted = reports[k]->sorted;
    size_t r = static_cast<size_t>(
        std::lower_bound(sorted.begin(), sorted.end(), links.links[begin].first,
                         [](const IdPosition& item, const HexId& id) { return HexIdLess(item.id, id); }) -
        sorted.begin());
    for (size_t j = begin; j < end && r < sorted.size(); ++j) {
      const auto& [id, code] = links.links[j];
      while (r < sorted.size() && HexIdLess(sorted[r].id, id)) ++r;
      if (r < sorted.size() && sorted[r].id == id) {
        out.emplace_back(offsets[k] + sorted[r].position, static_cast<uint32_t>(code_map[code]));
      }
    }
  }
}

void MatchOddLinks(const LinkPart& links, const std::vector<uint64_t>& code_map,
                   const std::vector<std::unique_ptr<ReportPart>>& reports, const std::vector<uint32_t>& offsets,
                   Matches& out) {
  for (const auto& [text, code] : links.odd_links) {
    for (size_t k = 0; k < reports.size(); ++k) {
      const auto found = reports[k]->odd_ids.find(text);
      if (found != reports[k]->odd_ids.end()) {
        out.emplace_back(offsets[k] + found->second, static_cast<uint32_t>(code_map[code]));
        break;
      }
    }
  }
}

// The reports of every part in part order, with the query's codes.
struct MergedReports {
  std::vector<uint64_t> keys;     // as ReportPart::keys
  std::vector<int64_t> weights;   // as ReportPart::weights
  std::vector<uint32_t> offsets;  // where each part's positions start
};

// Maps the parts' codes to `codes` (interning) and concatenates the parts.
// FailedPrecondition past 65,536 values of a column.
Result<MergedReports> MergeReportParts(const std::vector<StatsColumn>& columns,
                                       const std::vector<std::unique_ptr<ReportPart>>& parts, StatsValueCodes& codes) {
  const size_t width = columns.size();
  MergedReports merged;
  size_t reports = 0;
  for (const auto& part : parts) reports += part->keys.size();
  merged.keys.reserve(reports);
  for (const auto& part : parts) {
    merged.weights.insert(merged.weights.end(), part->weights.begin(), part->weights.end());
    PB_ASSIGN_OR_RETURN(auto map, CodeMap(codes, part->codes, width));
    merged.offsets.push_back(static_cast<uint32_t>(merged.keys.size()));
    for (const uint64_t key : part->keys) {
      uint64_t packed = map[0][key & kMaxCode];
      for (size_t i = 0; i < width; ++i) {
        if (!SingleValued(columns[i].source)) continue;
        packed |= map[i + 1][(key >> (16 * (i + 1))) & kMaxCode] << (16 * (i + 1));
      }
      merged.keys.push_back(packed);
    }
  }
  return merged;
}

// The links of each multi-valued column (link_parts[i] set) matched to the
// reports, with the query's codes; each column's links in two halves, on two
// threads when `parallel`.
Result<std::vector<Matches>> MatchAllLinks(const std::vector<std::unique_ptr<LinkPart>>& link_parts,
                                           const std::vector<std::unique_ptr<ReportPart>>& report_parts,
                                           const std::vector<uint32_t>& offsets, StatsValueCodes& codes,
                                           bool parallel) {
  const size_t width = link_parts.size();
  std::vector<std::vector<uint64_t>> link_maps(width);
  for (size_t i = 0; i < width; ++i) {
    if (!link_parts[i]) continue;
    PB_ASSIGN_OR_RETURN(auto map, CodeMap(codes, link_parts[i]->codes, width));
    link_maps[i] = std::move(map[i + 1]);
  }
  std::vector<std::vector<Matches>> halves(2, std::vector<Matches>(width));
  RunHalves(parallel, [&](size_t h) {
    for (size_t i = 0; i < width; ++i) {
      if (!link_parts[i]) continue;
      const auto [begin, end] = Half(link_parts[i]->links.size(), h);
      halves[h][i].reserve(end - begin);
      MatchLinks(*link_parts[i], begin, end, link_maps[i], report_parts, offsets, halves[h][i]);
      if (h == 1) MatchOddLinks(*link_parts[i], link_maps[i], report_parts, offsets, halves[h][i]);
    }
  });
  std::vector<Matches> matches(width);
  for (size_t i = 0; i < width; ++i) {
    matches[i] = std::move(halves[0][i]);
    matches[i].insert(matches[i].end(), halves[1][i].begin(), halves[1][i].end());
  }
  return matches;
}

// The values of one multi-valued column per report position: the value codes
// of report r are codes[offsets[r]..offsets[r+1]). Only built when a subset
// has two multi-valued columns.
struct LinkLists {
  std::vector<uint32_t> offsets;
  std::vector<uint64_t> codes;
};

LinkLists ListsOf(const Matches& matched, size_t reports) {
  LinkLists lists;
  lists.offsets.assign(reports + 1, 0);
  for (const auto& link : matched) ++lists.offsets[link.first + 1];
  for (size_t i = 1; i < lists.offsets.size(); ++i) lists.offsets[i] += lists.offsets[i - 1];
  lists.codes.resize(matched.size());
  std::vector<uint32_t> next(lists.offsets.begin(), lists.offsets.end() - 1);
  for (const auto& link : matched) lists.codes[next[link.first]++] = link.second;
  return lists;
}

// One subset being counted: its single-valued columns (full column index,
// key shift) and its multi-valued columns (column index, key shift).
struct SubsetPlan {
  std::vector<std::pair<size_t, int>> singles;
  std::vector<std::pair<size_t, int>> multis;

  // The subset's key of a report: month and its single-valued values.
  uint64_t SinglesKey(uint64_t full) const {
    uint64_t key = full & kMaxCode;
    for (const auto& [i, shift] : singles) key |= ((full >> (16 * (i + 1))) & kMaxCode) << shift;
    return key;
  }
};

// Counts report `r` once per combination of its values in the multi-valued
// columns `plan.multis[depth..]`.
void AddCombinations(const SubsetPlan& plan, const std::vector<LinkLists>& lists, size_t depth, uint32_t r,
                     uint64_t key, StatsKeyCounts& counts) {
  if (depth == plan.multis.size()) {
    counts.Add(key, 1);
    return;
  }
  const auto& [column, shift] = plan.multis[depth];
  const LinkLists& list = lists[column];
  for (uint32_t i = list.offsets[r]; i < list.offsets[r + 1]; ++i) {
    AddCombinations(plan, lists, depth + 1, r, key | (list.codes[i] << shift), counts);
  }
}

// Counts half `h` of the subset's rows into `counts`: the reports (no
// multi-valued column), the matched links (one), or the reports' combinations
// (several).
void CountHalf(const SubsetPlan& plan, size_t h, const std::vector<uint64_t>& full_keys,
               const std::vector<int64_t>& weights, const std::vector<Matches>& matches,
               const std::vector<LinkLists>& lists, StatsKeyCounts& counts) {
  if (plan.multis.size() == 1) {
    const auto& [column, shift] = plan.multis.front();
    const Matches& matched = matches[column];
    const auto [begin, end] = Half(matched.size(), h);
    for (size_t j = begin; j < end; ++j) {
      counts.Add(plan.SinglesKey(full_keys[matched[j].first]) | (uint64_t{matched[j].second} << shift), 1);
    }
    return;
  }
  const auto [begin, end] = Half(full_keys.size(), h);
  for (size_t r = begin; r < end; ++r) {
    if (plan.multis.empty()) {
      counts.Add(plan.SinglesKey(full_keys[r]), weights.empty() ? 1 : weights[r]);
    } else {
      AddCombinations(plan, lists, 0, static_cast<uint32_t>(r), plan.SinglesKey(full_keys[r]), counts);
    }
  }
}

}  // namespace

Result<uint64_t> StatsValueCodes::Code(size_t book_index, std::string_view value) {
  Book& book = books_[book_index];
  if (book.last != UINT64_MAX && book.values[book.last] == value) return book.last;
  if (book.values.size() <= kLinearSearchLimit) {  // closed vocabularies: a few dozen values, no allocation
    for (uint64_t code = 0; code < book.values.size(); ++code) {
      if (book.values[code] == value) return book.last = code;
    }
  }
  auto found = book.codes.find(std::string(value));
  if (found == book.codes.end()) {
    if (book.values.size() > kMaxCode) return Status::FailedPrecondition("too many distinct statistics values");
    found = book.codes.emplace(std::string(value), book.values.size()).first;
    book.values.emplace_back(value);
  }
  book.last = found->second;
  return found->second;
}

void StatsKeyCounts::Grow() {
  std::vector<Slot> old(std::max<size_t>(64, 2 * slots_.size()));
  old.swap(slots_);
  size_ = 0;
  for (const Slot& slot : old) {
    if (slot.used) Add(slot.key, slot.count);
  }
}

void StatsKeyCounts::AddAll(const StatsKeyCounts& other) {
  for (const Slot& slot : other.slots_) {
    if (slot.used) Add(slot.key, slot.count);
  }
}

std::vector<StatsRow> StatsKeyCounts::Rows(const StatsValueCodes& codes, const std::vector<size_t>& columns) const {
  std::vector<StatsRow> rows;
  rows.reserve(size_);
  for (const Slot& slot : slots_) {
    if (!slot.used) continue;
    const uint64_t key = slot.key;
    StatsRow row{codes.Value(0, key & kMaxCode), {}, slot.count};
    for (size_t p = 0; p < columns.size(); ++p) {
      row.values.push_back(codes.Value(columns[p] + 1, (key >> (16 * (p + 1))) & kMaxCode));
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const StatsRow& a, const StatsRow& b) {
    return std::tie(a.month, a.values) < std::tie(b.month, b.values);
  });
  return rows;
}

Result<std::vector<std::vector<StatsRow>>> CountSubsetsInMemory(Database& db, Database* helper,
                                                                const std::vector<StatsColumn>& columns,
                                                                const std::vector<std::vector<size_t>>& subsets,
                                                                std::string_view from_month,
                                                                std::string_view to_month) {
  const size_t width = columns.size();
  const int first = MonthIndex(from_month), last = MonthIndex(to_month);
  if (first < 0) return Status::InvalidArgument("not YYYY-MM", "from");
  if (last < 0) return Status::InvalidArgument("not YYYY-MM", "to");
  bool with_ids = false;
  int depth = 0;  // index columns up to the last single-valued one asked for
  for (const auto& column : columns) {
    with_ids = with_ids || !SingleValued(column.source);
    if (SingleValued(column.source)) depth = std::max(depth, IndexPosition(column.source) + 1);
  }
  // Without ids, SQLite groups by day and the first index columns in index
  // order; worth it while that leaves few groups (kind, region: a few
  // thousand a month), not for sector and status (nearly one per report).
  const bool grouped = !with_ids && depth <= 2;
  // Tasks, longest first: the link scans, then one per month; each thread
  // appends the months it reads to its own part.
  const std::vector<MonthRange> months = MonthRanges(first, last);
  std::vector<std::unique_ptr<LinkPart>> link_parts(width);
  std::vector<std::unique_ptr<ReportPart>> report_parts;
  report_parts.push_back(std::make_unique<ReportPart>(width));
  if (helper != nullptr) report_parts.push_back(std::make_unique<ReportPart>(width));
  std::vector<ReadTask> tasks;
  for (size_t i = 0; i < width; ++i) {
    if (SingleValued(columns[i].source)) continue;
    link_parts[i] = std::make_unique<LinkPart>(width);
    LinkPart* part = link_parts[i].get();
    tasks.push_back([&columns, i, part](Database& connection, size_t) {
      return ReadLinks(connection, columns[i], i, *part);
    });
  }
  for (const MonthRange& month : months) {
    tasks.push_back([&columns, &month, with_ids, grouped, &report_parts](Database& connection, size_t thread) {
      return ReadReports(connection, columns, month, with_ids, grouped, *report_parts[thread]);
    });
  }
  PB_RETURN_IF_ERROR(RunTasks(db, helper, tasks));
  const bool parallel = helper != nullptr;
  RunHalves(parallel, [&report_parts](size_t h) {
    if (h < report_parts.size()) {
      SortByHexId(report_parts[h]->sorted, [](const IdPosition& item) -> const HexId& { return item.id; });
    }
  });

  StatsValueCodes codes(width);
  PB_ASSIGN_OR_RETURN(const MergedReports merged, MergeReportParts(columns, report_parts, codes));
  PB_ASSIGN_OR_RETURN(const std::vector<Matches> matches,
                      MatchAllLinks(link_parts, report_parts, merged.offsets, codes, parallel));
  const std::vector<uint64_t>& full_keys = merged.keys;
  const std::vector<int64_t>& weights = merged.weights;

  std::vector<SubsetPlan> plans(subsets.size());
  bool needs_lists = false;
  for (size_t s = 0; s < subsets.size(); ++s) {
    for (size_t p = 0; p < subsets[s].size(); ++p) {
      const size_t i = subsets[s][p];
      const int shift = static_cast<int>(16 * (p + 1));
      if (SingleValued(columns[i].source)) {
        plans[s].singles.emplace_back(i, shift);
      } else {
        plans[s].multis.emplace_back(i, shift);
      }
    }
    needs_lists = needs_lists || plans[s].multis.size() > 1;
  }
  std::vector<LinkLists> lists(width);
  if (needs_lists) {
    for (size_t i = 0; i < width; ++i) {
      if (link_parts[i]) lists[i] = ListsOf(matches[i], full_keys.size());
    }
  }
  std::vector<std::vector<StatsKeyCounts>> counts(2, std::vector<StatsKeyCounts>(subsets.size()));
  RunHalves(parallel, [&](size_t h) {
    for (size_t s = 0; s < subsets.size(); ++s) CountHalf(plans[s], h, full_keys, weights, matches, lists, counts[h][s]);
  });
  for (size_t s = 0; s < subsets.size(); ++s) counts[0][s].AddAll(counts[1][s]);
  std::vector<std::vector<StatsRow>> results;
  for (size_t s = 0; s < subsets.size(); ++s) results.push_back(counts[0][s].Rows(codes, subsets[s]));
  return results;
}

}  // namespace pillarbox::store
