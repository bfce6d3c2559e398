#include "store/stats_month_counter.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>
#include <utility>

#include "store/hex_id.h"
#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

constexpr uint64_t kMaxCode = 0xFFFF;
constexpr size_t kLinearSearchLimit = 32;

bool SingleValued(StatsSource source) {
  return source == StatsSource::kKind || source == StatsSource::kRegion || source == StatsSource::kSector ||
         source == StatsSource::kStatus;
}

// Position of a single-valued source among the index's clear columns.
int IndexPosition(StatsSource source) {
  switch (source) {
    case StatsSource::kKind: return 0;
    case StatsSource::kRegion: return 1;
    case StatsSource::kSector: return 2;
    default: return 3;
  }
}

constexpr const char* kIndexColumns[] = {"r.kind", "r.region", "r.sector", "r.status"};

// One month of a query's range: its days [from, to) or, for the last
// month, [from, to]. The months partition "from_month-01".."to_month-31"
// exactly under text comparison (what BETWEEN on received_day selects).
struct MonthRange {
  std::string month;
  std::string from;
  std::string to;
  bool to_inclusive = false;
};

// "YYYY-MM" -> months since year 0, or -1.
int MonthIndex(std::string_view month) {
  if (month.size() != 7 || month[4] != '-') return -1;
  int value = 0;
  for (size_t i = 0; i < month.size(); ++i) {
    if (i == 4) continue;
    if (month[i] < '0' || month[i] > '9') return -1;
    value = value * 10 + (month[i] - '0');
  }
  const int year = value / 100, number = value % 100;
  if (number < 1 || number > 12) return -1;
  return year * 12 + number - 1;
}

std::string MonthName(int index) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
  return text;
}

std::vector<MonthRange> MonthRanges(int first, int last) {
  std::vector<MonthRange> months;
  for (int m = first; m <= last; ++m) {
    const std::string name = MonthName(m);
    if (m == last) {
      months.push_back({name, name + "-01", name + "-31", true});
    } else {
      months.push_back({name, name + "-01", MonthName(m + 1) + "-01", false});
    }
  }
  return months;
}

// SQL texts are prepared by pointer (Database::Prepare caches them): each
// shape's text is built once and kept for the life of the process (at most
// 64 shapes).
const char* InternSql(const std::string& key, const std::function<std::string()>& build) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<std::string>> texts;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = texts[key];
  if (!slot) slot = std::make_unique<std::string>(build());
  return slot->c_str();
}

// The reports of one month from the covering index (the id is part of it:
// reports is WITHOUT ROWID): the clear columns of `mask` (bit p = index
// position p) in index order, then the id when asked for. `grouped`: counts
// of those columns instead of one row per report, grouped in index order
// (day and the index's columns up to the last one asked for: no sort).
const char* ReportsSql(unsigned mask, bool with_id, bool to_inclusive, bool grouped) {
  const std::string key =
      std::to_string(mask) + (with_id ? "i" : "") + (to_inclusive ? "e" : "") + (grouped ? "g" : "");
  return InternSql(key, [mask, with_id, to_inclusive, grouped] {
    std::string columns;
    std::string group = " GROUP BY r.received_day";
    for (int p = 0; p < 4; ++p) {
      if ((mask >> p) == 0) break;
      group += std::string(", ") + kIndexColumns[p];
      if ((mask & (1u << p)) != 0) columns += std::string(columns.empty() ? "" : ", ") + kIndexColumns[p];
    }
    if (with_id) columns += std::string(columns.empty() ? "" : ", ") + "r.id";
    if (grouped) columns += std::string(columns.empty() ? "" : ", ") + "COUNT(*)";
    if (columns.empty()) columns = "1";
    return "SELECT " + columns + " FROM reports r INDEXED BY reports_by_day_clear WHERE r.received_day >= ?1 AND "
           "r.received_day " + (to_inclusive ? "<=" : "<") + " ?2 AND r.demo = 0" + (grouped ? group : "");
  });
}

// (report id, value) of each multi-valued source, one scan each. Pillar
// links and clear answers are unique per (report, value) by their primary
// keys; case links are made distinct per (report, value) as a report can be
// in several cases.
constexpr char kPillarLinksSql[] =
    "SELECT report_id, pillar FROM report_pillars INDEXED BY report_pillars_by_report ORDER BY report_id";
constexpr char kAnswerLinksSql[] =
    "SELECT report_id, value FROM report_clear_answers WHERE field = ?1 ORDER BY report_id";
constexpr char kActionKindLinksSql[] =
    "SELECT DISTINCT cr.report_id, a.kind FROM case_reports cr "
    "JOIN case_actions ca ON ca.case_id = cr.case_id JOIN actions a ON a.id = ca.action_id";
constexpr char kCaseStatusLinksSql[] =
    "SELECT DISTINCT cr.report_id, c.status FROM case_reports cr JOIN cases c ON c.id = cr.case_id";

const char* LinkSql(StatsSource source) {
  switch (source) {
    case StatsSource::kPillar: return kPillarLinksSql;
    case StatsSource::kActionKind: return kActionKindLinksSql;
    case StatsSource::kCaseStatus: return kCaseStatusLinksSql;
    default: return kAnswerLinksSql;
  }
}

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
Status ReadReports(Database& db, const std::vector<StatsColumn>& columns, const MonthRange& month, bool with_ids,
                   bool grouped, ReportPart& part) {
  unsigned mask = 0;
  for (const auto& column : columns) {
    if (SingleValued(column.source)) mask |= 1u << IndexPosition(column.source);
  }
  // Result column of each single-valued column (-1 for the others).
  std::vector<int> result_column(columns.size(), -1);
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!SingleValued(columns[i].source)) continue;
    result_column[i] = __builtin_popcount(mask & ((1u << IndexPosition(columns[i].source)) - 1));
  }
  const int last_column = __builtin_popcount(mask);  // the id or the count
  PB_ASSIGN_OR_RETURN(const uint64_t month_code, part.codes.Code(0, month.month));
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(ReportsSql(mask, with_ids, month.to_inclusive, grouped)));
  select->BindText(1, month.from);
  select->BindText(2, month.to);
  Status status = Status::Ok();
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    if (!status.ok()) return;
    uint64_t packed = month_code;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (result_column[i] < 0) continue;
      Result<uint64_t> code = part.codes.Code(i + 1, row.ColumnTextView(result_column[i]));
      if (!code.ok()) {
        status = code.status();
        return;
      }
      packed |= *code << (16 * (i + 1));
    }
    if (with_ids) {
      const std::string_view text = row.ColumnTextView(last_column);
      HexId id;
      const auto position = static_cast<uint32_t>(part.keys.size());
      if (ParseHexId(text, id)) {
        part.sorted.push_back({id, position});
      } else {
        part.odd_ids.emplace(std::string(text), position);
      }
    }
    if (grouped) part.weights.push_back(row.ColumnInt64(last_column));
    part.keys.push_back(packed);
  }));
  return status;
}

Status ReadLinks(Database& db, const StatsColumn& column, size_t column_index, LinkPart& part) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(LinkSql(column.source)));
  if (column.source == StatsSource::kAnswer) select->BindText(1, column.answer_field);
  Status status = Status::Ok();
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    if (!status.ok()) return;
    Result<uint64_t> code = part.codes.Code(column_index + 1, row.ColumnTextView(1));
    if (!code.ok()) {
      status = code.status();
      return;
    }
    const std::string_view text = row.ColumnTextView(0);
    HexId id;
    if (ParseHexId(text, id)) {
      part.links.emplace_back(id, static_cast<uint32_t>(*code));
    } else {
      part.odd_links.emplace_back(std::string(text), static_cast<uint32_t>(*code));
    }
  }));
  PB_RETURN_IF_ERROR(status);
  SortByHexId(part.links, [](const std::pair<HexId, uint32_t>& link) -> const HexId& { return link.first; });
  return Status::Ok();
}

// A unit of reading: given a connection and the index of the thread running
// it (0 or 1).
using ReadTask = std::function<Status(Database&, size_t)>;

// Runs `tasks` on `db` (thread 0) and, when given, on `helper` in a second
// thread (1), both taking the next task not taken yet. Returns the first
// failure in task order.
Status RunTasks(Database& db, Database* helper, const std::vector<ReadTask>& tasks) {
  std::vector<Status> results(tasks.size(), Status::Ok());
  std::atomic<size_t> next{0};
  const auto work = [&tasks, &results, &next](Database& connection, size_t thread) {
    for (size_t t = next++; t < tasks.size(); t = next++) results[t] = tasks[t](connection, thread);
  };
  if (helper != nullptr) {
    std::thread second([&work, helper] { work(*helper, 1); });
    work(db, 0);
    second.join();
  } else {
    work(db, 0);
  }
  for (auto& result : results) PB_RETURN_IF_ERROR(result);
  return Status::Ok();
}

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
