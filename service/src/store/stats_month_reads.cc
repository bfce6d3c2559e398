#include "store/stats_month_reads.h"

#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "store/row_loop.h"

namespace pillarbox::store {
namespace {

constexpr const char* kIndexColumns[] = {"r.kind", "r.region", "r.sector", "r.status"};

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

}  // namespace

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

}  // namespace pillarbox::store
