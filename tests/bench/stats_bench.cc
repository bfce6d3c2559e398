// Statistics benchmark: GET /api/v1/stats measured in process on
// stats::StatsService (the query work; HTTP adds a constant) over a database
// of report_generator.h reports (run_stats_bench.sh adds clear answers,
// cases and actions, and schema/007_statistics.sql). For each query: cold
// (the release log emptied before every run, so the counts are computed and
// every month released) and warm (the answer read back from the log), for
// threshold; DP is always computed (noise is fresh each time). Prints a
// Markdown table of medians and p95 in milliseconds and the CPU time of the
// median run.
//
// Usage: pillarbox_bench_stats DB_PATH [REPEATS]
// Env:   STATS_BENCH_ONLY=<group_by> runs that row group only (profiling).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "bench_timing.h"
#include "app/stats_services.h"
#include "http/questionnaire_codec.h"
#include "intake/questionnaire_catalog.h"
#include "stats/sodium_uniform_source.h"
#include "stats/stats_service.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "support/manual_clock.h"

namespace pillarbox::bench {
namespace {

int Run(const std::string& path, int repeats) {
  auto catalog = http::LoadEmbeddedQuestionnaires();
  if (!catalog.ok()) return 1;
  auto vocabulary = app::LoadStatsVocabulary(*catalog);
  auto readers = store::ReaderPool::Open(path, 2);  // as app/stats_services.cc
  auto writer_db = store::Database::Open(path, store::OpenMode::kReadWrite);
  auto cleaner = store::Database::Open(path, store::OpenMode::kReadWrite);
  if (!vocabulary.ok() || !readers.ok() || !writer_db.ok() || !cleaner.ok()) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    return 1;
  }
  store::GroupCommitWriter writer(std::move(*writer_db), {});
  const privacy::SecretKey audit_key = privacy::SecretKey::Random();
  testing::ManualClock clock(1814400000);  // 2027-07-01: complete months up to 2027-06
  stats::SodiumUniformSource random;
  auto service = stats::StatsService::Make(**readers, writer, audit_key, clock, std::move(*vocabulary),
                                           {.threshold = 10, .epsilon_budget_micro = int64_t{1} << 60}, random);
  if (!service.ok()) return 1;
  const accounts::Session researcher{{"bench-researcher", "bench", "researcher"},
                                     accounts::UnlockedKeys{privacy::BoxKeyPair::Generate(), {}}, 0};
  const auto clear_log = [&cleaner] {
    (void)(*cleaner)->Execute("DELETE FROM stats_released_cells; DELETE FROM stats_released_tables;");
  };
  const auto nothing = [] {};

  std::printf("| query (24 months, 2025-07..2027-06) | mechanism | log | p50 ms | p95 ms | CPU p50 ms | cells |\n");
  std::printf("|---|---|---|---:|---:|---:|---:|\n");
  bool ok = true;
  const auto bench = [&](const std::string& group_by, const std::string& mechanism, bool cold) {
    stats::StatsRequest request{group_by, "2025-07", "2027-06", mechanism, std::nullopt};
    if (mechanism == "dp") request.epsilon = "0.1";
    if (cold) clear_log();
    auto first = (*service)->Query(researcher, request);
    if (!first.ok()) {
      std::fprintf(stderr, "%s: %s\n", group_by.c_str(), first.status().ToString().c_str());
      ok = false;
      return;
    }
    const Timing timing = Measure(repeats, cold ? std::function<void()>(clear_log) : std::function<void()>(nothing),
                                  [&] { (void)(*service)->Query(researcher, request); });
    std::printf("| group_by=%s | %s | %s | %.1f | %.1f | %.1f | %zu |\n", group_by.c_str(), mechanism.c_str(),
                mechanism == "dp" ? "-" : (cold ? "cold" : "warm"), timing.median, timing.p95, timing.cpu_median,
                first->cells.size());
    std::fflush(stdout);
  };
  const char* only = std::getenv("STATS_BENCH_ONLY");  // one group_by, for profiling
  for (const std::string group_by : {"kind,region", "pillar,sector", "kind", "sector,status", "action_kind",
                                     "answer.consent,region"}) {
    if (only != nullptr && group_by != only) continue;
    bench(group_by, "threshold", true);
    bench(group_by, "threshold", false);
    bench(group_by, "dp", false);
  }
  writer.Stop();
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace pillarbox::bench

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB_PATH [REPEATS]\n", argv[0]);
    return 2;
  }
  return pillarbox::bench::Run(argv[1], argc > 2 ? std::atoi(argv[2]) : 11);
}
