#include "store/stats_month_counter.h"

#include <algorithm>
#include <functional>
#include <tuple>
#include <utility>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

constexpr uint64_t kMaxCode = 0xFFFF;
constexpr size_t kLinearSearchLimit = 32;

bool SingleValued(StatsSource source) {
  return source == StatsSource::kKind || source == StatsSource::kRegion || source == StatsSource::kSector ||
         source == StatsSource::kStatus;
}

// Column of a single-valued source in kReportsSql.
int ReportColumn(StatsSource source) {
  switch (source) {
    case StatsSource::kKind: return 1;
    case StatsSource::kRegion: return 2;
    case StatsSource::kSector: return 3;
    default: return 4;
  }
}

// The reports of the day range with their clear columns and id: one walk of
// the covering index (the id is part of it: reports is WITHOUT ROWID).
constexpr char kReportsSql[] =
    "SELECT r.received_day, r.kind, r.region, r.sector, r.status, r.id FROM reports r "
    "INDEXED BY reports_by_day_clear WHERE r.received_day BETWEEN ?1 AND ?2 AND r.demo = 0";

// (report id, value) of each multi-valued source, one scan each. Pillar
// links and clear answers are unique per (report, value) by their primary
// keys; case links are made distinct per (report, value) as a report can be
// in several cases.
constexpr char kPillarLinksSql[] = "SELECT report_id, pillar FROM report_pillars";
constexpr char kAnswerLinksSql[] = "SELECT report_id, value FROM report_clear_answers WHERE field = ?1";
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

// Report ids of the range, in read order, with an open-addressing table from
// id to position.
class ReportIds {
 public:
  void Add(std::string_view id) {
    starts_.push_back(arena_.size());
    arena_.append(id);
  }

  void BuildIndex() {
    starts_.push_back(arena_.size());
    size_t capacity = 16;
    while (capacity < 2 * Size()) capacity *= 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (uint32_t i = 0; i < Size(); ++i) {
      size_t slot = std::hash<std::string_view>{}(Id(i)) & mask_;
      while (slots_[slot] != 0) slot = (slot + 1) & mask_;
      slots_[slot] = i + 1;
    }
  }

  // Position of `id`, or -1 when it is not a report of the range.
  int64_t Find(std::string_view id) const {
    size_t slot = std::hash<std::string_view>{}(id) & mask_;
    while (slots_[slot] != 0) {
      if (Id(slots_[slot] - 1) == id) return slots_[slot] - 1;
      slot = (slot + 1) & mask_;
    }
    return -1;
  }

  size_t Size() const { return slots_.empty() ? starts_.size() : starts_.size() - 1; }

 private:
  std::string_view Id(uint32_t i) const {
    return std::string_view(arena_).substr(starts_[i], starts_[i + 1] - starts_[i]);
  }

  std::string arena_;
  std::vector<size_t> starts_;
  std::vector<uint32_t> slots_;
  size_t mask_ = 0;
};

// The values of one multi-valued column per report position: the value codes
// of report r are codes[offsets[r]..offsets[r+1]).
struct LinkLists {
  std::vector<uint32_t> offsets;
  std::vector<uint64_t> codes;
};

Result<LinkLists> ReadLinks(Database& db, const StatsColumn& column, size_t column_index, const ReportIds& ids,
                            StatsValueCodes& codes) {
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(LinkSql(column.source)));
  if (column.source == StatsSource::kAnswer) select->BindText(1, column.answer_field);
  std::vector<std::pair<uint32_t, uint64_t>> links;
  Status status = Status::Ok();
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    if (!status.ok()) return;
    const int64_t position = ids.Find(row.ColumnTextView(0));
    if (position < 0) return;
    Result<uint64_t> code = codes.Code(column_index + 1, row.ColumnTextView(1));
    if (!code.ok()) {
      status = code.status();
      return;
    }
    links.emplace_back(static_cast<uint32_t>(position), *code);
  }));
  PB_RETURN_IF_ERROR(status);
  LinkLists lists;
  lists.offsets.assign(ids.Size() + 1, 0);
  for (const auto& link : links) ++lists.offsets[link.first + 1];
  for (size_t i = 1; i < lists.offsets.size(); ++i) lists.offsets[i] += lists.offsets[i - 1];
  lists.codes.resize(links.size());
  std::vector<uint32_t> next(lists.offsets.begin(), lists.offsets.end() - 1);
  for (const auto& link : links) lists.codes[next[link.first]++] = link.second;
  return lists;
}

// One subset being counted: its single-valued columns (full column index,
// key shift) and its multi-valued columns (link lists, key shift).
struct SubsetPlan {
  std::vector<std::pair<size_t, int>> singles;
  std::vector<std::pair<const LinkLists*, int>> multis;
  StatsKeyCounts counts;
};

// Counts report `r` once per combination of its values in the multi-valued
// columns `plan.multis[depth..]`.
void AddCombinations(SubsetPlan& plan, size_t depth, uint32_t r, uint64_t key) {
  if (depth == plan.multis.size()) {
    plan.counts.Add(key, 1);
    return;
  }
  const auto& [list, shift] = plan.multis[depth];
  for (uint32_t i = list->offsets[r]; i < list->offsets[r + 1]; ++i) {
    AddCombinations(plan, depth + 1, r, key | (list->codes[i] << shift));
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

std::vector<StatsRow> StatsKeyCounts::Rows(const StatsValueCodes& codes, const std::vector<size_t>& columns) const {
  std::vector<StatsRow> rows;
  rows.reserve(counts_.size());
  for (const auto& [key, count] : counts_) {
    StatsRow row{codes.Value(0, key & kMaxCode), {}, count};
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

Result<std::vector<std::vector<StatsRow>>> CountSubsetsInMemory(Database& db, const std::vector<StatsColumn>& columns,
                                                                const std::vector<std::vector<size_t>>& subsets,
                                                                std::string_view from_day, std::string_view to_day) {
  StatsValueCodes codes(columns.size());
  PB_ASSIGN_OR_RETURN(Statement * select, db.Prepare(kReportsSql));
  select->BindText(1, from_day);
  select->BindText(2, to_day);
  // Per report: the month code in bits 0-15 and the code of single-valued
  // column i in bits 16(i+1).. (the full column list's layout).
  ReportIds ids;
  std::vector<uint64_t> full_keys;
  Status status = Status::Ok();
  PB_RETURN_IF_ERROR(ForEachRow(*select, [&](Statement& row) {
    if (!status.ok()) return;
    Result<uint64_t> key = codes.Code(0, row.ColumnTextView(0).substr(0, 7));
    uint64_t packed = key.ok() ? *key : 0;
    for (size_t i = 0; i < columns.size() && key.ok(); ++i) {
      if (!SingleValued(columns[i].source)) continue;
      key = codes.Code(i + 1, row.ColumnTextView(ReportColumn(columns[i].source)));
      if (key.ok()) packed |= *key << (16 * (i + 1));
    }
    if (!key.ok()) {
      status = key.status();
      return;
    }
    full_keys.push_back(packed);
    ids.Add(row.ColumnTextView(5));
  }));
  PB_RETURN_IF_ERROR(status);
  ids.BuildIndex();
  std::vector<LinkLists> lists(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    if (SingleValued(columns[i].source)) continue;
    PB_ASSIGN_OR_RETURN(lists[i], ReadLinks(db, columns[i], i, ids, codes));
  }
  std::vector<SubsetPlan> plans(subsets.size());
  for (size_t s = 0; s < subsets.size(); ++s) {
    for (size_t p = 0; p < subsets[s].size(); ++p) {
      const size_t i = subsets[s][p];
      const int shift = static_cast<int>(16 * (p + 1));
      if (SingleValued(columns[i].source)) {
        plans[s].singles.emplace_back(i, shift);
      } else {
        plans[s].multis.emplace_back(&lists[i], shift);
      }
    }
  }
  for (uint32_t r = 0; r < full_keys.size(); ++r) {
    const uint64_t full = full_keys[r];
    for (SubsetPlan& plan : plans) {
      uint64_t key = full & kMaxCode;
      for (const auto& [i, shift] : plan.singles) key |= ((full >> (16 * (i + 1))) & kMaxCode) << shift;
      AddCombinations(plan, 0, r, key);
    }
  }
  std::vector<std::vector<StatsRow>> results;
  for (size_t s = 0; s < subsets.size(); ++s) results.push_back(plans[s].counts.Rows(codes, subsets[s]));
  return results;
}

}  // namespace pillarbox::store
