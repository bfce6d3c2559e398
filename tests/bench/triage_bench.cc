// Triage queue benchmark: the first page (limit 50) of GET /api/v1/reports,
// measured in process on TriageQueue::List (the query work; HTTP adds a
// constant), for no filter and for each single filter with a common and a
// rare value, plus a second page and the counts per status. Generates the
// database with report_generator.h when it does not exist yet (kept for the
// next run). Prints a Markdown table of medians and p95 in milliseconds.
//
// Usage: pillarbox_bench_triage DB_PATH [REPORTS] [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/triage_vocabulary.h"
#include "cases/triage_queue.h"
#include "common/embedded_file.h"
#include "report_generator.h"
#include "store/migrations.h"
#include "store/reader_pool.h"
#include "support/manual_clock.h"

namespace pillarbox::bench {
namespace {

const GeneratorOptions kOptions;  // last day 2027-06-30; the clock stands on it

double Millis(std::chrono::steady_clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Timing {
  double median = 0, p95 = 0;
};

Timing Measure(int repeats, const std::function<void()>& run) {
  run();  // warm-up: statements prepared, pages cached
  std::vector<double> samples;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    samples.push_back(Millis(std::chrono::steady_clock::now() - start));
  }
  std::sort(samples.begin(), samples.end());
  return {samples[samples.size() / 2], samples[std::min(samples.size() - 1, samples.size() * 95 / 100)]};
}

// (most frequent, least frequent) value of a column list query "SELECT v, count(*) ... ORDER BY 2 DESC".
std::pair<std::string, std::string> CommonAndRare(store::Database& db, const char* sql) {
  auto statement = db.Prepare(sql);
  std::vector<std::string> values;
  while (*(*statement)->Step()) values.push_back((*statement)->ColumnText(0));
  (*statement)->Reset();
  return {values.front(), values.back()};
}

int Generate(const std::string& path, int64_t reports) {
  auto db = store::Database::Open(path, store::OpenMode::kReadWriteCreate);
  if (!db.ok() || !store::ApplyMigrations(**db, EmbeddedMigrations()).ok()) return 1;
  GeneratorOptions options = kOptions;
  options.reports = reports;
  const auto start = std::chrono::steady_clock::now();
  auto generated = GenerateReports(**db, options);
  if (!generated.ok()) {
    std::fprintf(stderr, "generation failed: %s\n", generated.status().ToString().c_str());
    return 1;
  }
  (void)(*db)->Checkpoint(store::CheckpointMode::kTruncate);
  std::printf("Generated %lld reports in %.0f s\n", static_cast<long long>(reports),
              Millis(std::chrono::steady_clock::now() - start) / 1000);
  return 0;
}

struct Case {
  std::string label;
  cases::TriageQuery query;
};

std::vector<Case> Cases(store::Database& db) {
  std::vector<Case> cases_list;
  auto add = [&](const std::string& label, std::optional<std::string> cases::TriageQuery::*member,
                 const std::string& value) {
    cases::TriageQuery query;
    query.*member = value;
    cases_list.push_back({label + "=" + value, query});
  };
  using Q = cases::TriageQuery;
  cases_list.push_back({"(none)", {}});
  const auto pair = [&](const char* name, std::optional<std::string> Q::*member, const char* sql) {
    const auto [common, rare] = CommonAndRare(db, sql);
    add(name, member, common);
    add(name, member, rare);
  };
  pair("kind", &Q::kind, "SELECT kind, count(*) FROM reports GROUP BY kind ORDER BY 2 DESC");
  pair("desk", &Q::desk, "SELECT desk_id, count(*) FROM reports GROUP BY desk_id ORDER BY 2 DESC");
  pair("region", &Q::region, "SELECT region, count(*) FROM reports GROUP BY region ORDER BY 2 DESC");
  pair("sector", &Q::sector, "SELECT sector, count(*) FROM reports GROUP BY sector ORDER BY 2 DESC");
  pair("status", &Q::status, "SELECT status, count(*) FROM reports GROUP BY status ORDER BY 2 DESC");
  pair("tag", &Q::tag, "SELECT tag_id, count(*) FROM report_tags GROUP BY tag_id ORDER BY 2 DESC");
  pair("pillar", &Q::pillar, "SELECT pillar, count(*) FROM report_pillars GROUP BY pillar ORDER BY 2 DESC");
  pair("assignee", &Q::assignee,
       "SELECT assignee_id, count(*) FROM reports WHERE assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY 2 DESC");
  add("assignee", &Q::assignee, "none");
  add("from", &Q::from, "2027-06-01");
  Case range{"from=2026-01-01&to=2026-01-31", {}};
  range.query.from = "2026-01-01";
  range.query.to = "2026-01-31";
  cases_list.push_back(range);
  Case old{"to=2025-01-01 (oldest days)", {}};
  old.query.to = "2025-01-01";
  cases_list.push_back(old);
  add("overdue", &Q::overdue, "true");
  return cases_list;
}

int Run(const std::string& path, int repeats) {
  auto readers = store::ReaderPool::Open(path, 1);
  auto vocabulary = app::LoadTriageVocabulary();
  if (!readers.ok() || !vocabulary.ok()) return 1;
  pillarbox::testing::ManualClock clock(1'814'356'800);  // 2027-06-30 12:00 UTC
  cases::TriageQueue queue(**readers, clock, *vocabulary);
  std::vector<Case> cases_list;
  std::string me;
  {
    auto lease = (*readers)->Acquire();
    cases_list = Cases(lease.db());
    me = CommonAndRare(lease.db(), "SELECT assignee_id, count(*) FROM reports WHERE assignee_id IS NOT NULL "
                                   "GROUP BY assignee_id ORDER BY 2 DESC")
             .first;
  }
  std::vector<accounts::UnlockedDeskKey> desk_keys;
  for (const char* desk : {"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"}) {
    desk_keys.push_back({desk, 1, privacy::BoxKeyPair::Generate()});
  }
  const accounts::Session session{
      {me, "bench", "reviewer"}, accounts::UnlockedKeys{privacy::BoxKeyPair::Generate(), std::move(desk_keys)}, 0};
  std::printf("| filter | first page p50 ms | p95 ms | rows | second page p50 ms | p95 ms | counts p50 ms |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
  for (const Case& c : cases_list) {
    auto first = queue.List(session, c.query, 50, "");
    if (!first.ok()) {
      std::fprintf(stderr, "%s: %s\n", c.label.c_str(), first.status().ToString().c_str());
      return 1;
    }
    const Timing page1 = Measure(repeats, [&] { (void)queue.List(session, c.query, 50, ""); });
    Timing page2;
    if (!first->next_cursor.empty()) {
      page2 = Measure(repeats, [&] { (void)queue.List(session, c.query, 50, first->next_cursor); });
    }
    Timing counts;
    if (!c.query.status.has_value()) {
      counts = Measure(3, [&] { (void)queue.Counts(session, c.query); });
    }
    std::printf("| %s | %.2f | %.2f | %zu | %.2f | %.2f | %.0f |\n", c.label.c_str(), page1.median, page1.p95,
                first->reports.size(), page2.median, page2.p95, counts.median);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace pillarbox::bench

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pillarbox_bench_triage DB_PATH [REPORTS] [REPEATS]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int64_t reports = argc > 2 ? std::atoll(argv[2]) : 1'000'000;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 31;
  if (!std::filesystem::exists(path) && pillarbox::bench::Generate(path, reports) != 0) return 1;
  return pillarbox::bench::Run(path, repeats);
}
