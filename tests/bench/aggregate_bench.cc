// Aggregation benchmark: GET /api/v1/aggregates/groups (by organization for
// a member of every desk, of one desk and of two; by AI system), one group's
// first and second page (the largest and a rare group), the related reports
// of one report and the pillar counts (one month, one year, everything),
// measured in process on cases::Aggregates (the query work; HTTP adds a
// constant). The database comes from report_generator.h with the schema of
// 004_case_management.sql (blind indexes carrying desk_id and received_day);
// it is generated when it does not exist. Prints a Markdown table of medians
// and p95 in milliseconds, and the CPU time of the median run's process share.
//
// Usage: pillarbox_bench_aggregate DB_PATH [REPORTS] [REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench_timing.h"
#include "cases/aggregates.h"
#include "common/embedded_file.h"
#include "privacy/bytes.h"
#include "report_generator.h"
#include "store/migrations.h"
#include "store/reader_pool.h"

namespace pillarbox::bench {
namespace {

int Generate(const std::string& path, int64_t reports) {
  auto db = store::Database::Open(path, store::OpenMode::kReadWriteCreate);
  if (!db.ok() || !store::ApplyMigrations(**db, EmbeddedMigrations()).ok()) return 1;
  GeneratorOptions options;
  options.reports = reports;
  auto generated = GenerateReports(**db, options);
  if (!generated.ok()) {
    std::fprintf(stderr, "generation failed: %s\n", generated.status().ToString().c_str());
    return 1;
  }
  (void)(*db)->Checkpoint(store::CheckpointMode::kTruncate);
  return 0;
}

accounts::Session SessionOn(const std::vector<std::string>& desks) {
  std::vector<accounts::UnlockedDeskKey> desk_keys;
  for (const std::string& desk : desks) desk_keys.push_back({desk, 1, privacy::BoxKeyPair::Generate()});
  return accounts::Session{{std::string(32, 'b'), "bench", "reviewer"},
                           accounts::UnlockedKeys{privacy::BoxKeyPair::Generate(), std::move(desk_keys)},
                           0};
}

void Row(const std::string& label, size_t rows, const Timing& timing) {
  std::printf("| %s | %.1f | %.1f | %.1f | %zu |\n", label.c_str(), timing.median, timing.p95, timing.cpu_median,
              rows);
  std::fflush(stdout);
}

// Measures `call` (a Result-returning service call) and prints its row; false on error.
template <typename Call, typename Size>
bool Bench(const std::string& label, int repeats, Call call, Size size) {
  auto first = call();
  if (!first.ok()) {
    std::fprintf(stderr, "%s: %s\n", label.c_str(), first.status().ToString().c_str());
    return false;
  }
  Row(label, size(*first), Measure(repeats, [&] { (void)call(); }));
  return true;
}

int Run(const std::string& path, int repeats) {
  auto readers = store::ReaderPool::Open(path, 1);
  if (!readers.ok()) return 1;
  cases::Aggregates aggregates(**readers);
  const auto all = SessionOn({"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"});
  const auto voice = SessionOn({"voice_cloning"});
  const auto two = SessionOn({"voice_cloning", "workplace_ai_harm"});
  auto groups = aggregates.Groups(all, "organization", 1, cases::kMaxAggregateGroups);
  if (!groups.ok() || groups->empty()) {
    std::fprintf(stderr, "no groups: %s\n", groups.status().ToString().c_str());
    return 1;
  }
  const std::string top = groups->front().key, rare = groups->back().key;
  const std::string sample = groups->front().sample_report_id;
  const auto count = [](const auto& list) { return list.size(); };
  const auto page_size = [](const cases::GroupReportsPage& page) { return page.reports.size(); };
  std::printf("| query | p50 ms | p95 ms | CPU p50 ms | rows |\n|---|---:|---:|---:|---:|\n");
  bool ok = true;
  ok &= Bench("groups by organization, every desk (min 2, limit 50)", repeats,
              [&] { return aggregates.Groups(all, "organization", 2, 50); }, count);
  ok &= Bench("groups by organization, one desk (voice_cloning, 20%)", repeats,
              [&] { return aggregates.Groups(voice, "organization", 2, 50); }, count);
  ok &= Bench("groups by organization, two desks (70%)", repeats,
              [&] { return aggregates.Groups(two, "organization", 2, 50); }, count);
  ok &= Bench("groups by ai_system, every desk", repeats,
              [&] { return aggregates.Groups(all, "ai_system", 2, 50); }, count);
  ok &= Bench("largest group, first page (50)", repeats,
              [&] { return aggregates.GroupReports(all, "organization", top, 50, ""); }, page_size);
  ok &= Bench("largest group, first page, one desk", repeats,
              [&] { return aggregates.GroupReports(voice, "organization", top, 50, ""); }, page_size);
  auto first = aggregates.GroupReports(all, "organization", top, 50, "");
  if (first.ok() && !first->next_cursor.empty()) {
    ok &= Bench("largest group, second page", repeats,
                [&] { return aggregates.GroupReports(all, "organization", top, 50, first->next_cursor); },
                page_size);
  }
  ok &= Bench("rarest group, first page", repeats,
              [&] { return aggregates.GroupReports(all, "organization", rare, 50, ""); }, page_size);
  ok &= Bench("related reports of one report", repeats, [&] { return aggregates.Related(all, sample); },
              [](const cases::RelatedReports& related) { return related.reports.size(); });
  ok &= Bench("pillar counts, one month (2027-06)", repeats,
              [&] { return aggregates.Pillars(all, "2027-06", "2027-06"); }, count);
  ok &= Bench("pillar counts, one year (2026-07..2027-06)", std::min(repeats, 5),
              [&] { return aggregates.Pillars(all, "2026-07", "2027-06"); }, count);
  ok &= Bench("pillar counts, everything", std::min(repeats, 3),
              [&] { return aggregates.Pillars(all, "2000-01", "2099-12"); }, count);
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace pillarbox::bench

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pillarbox_bench_aggregate DB_PATH [REPORTS] [REPEATS]\n");
    return 2;
  }
  const std::string path = argv[1];
  const int64_t reports = argc > 2 ? std::atoll(argv[2]) : 1'000'000;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 21;
  if (!std::filesystem::exists(path) && pillarbox::bench::Generate(path, reports) != 0) return 1;
  return pillarbox::bench::Run(path, repeats);
}
