// Retention purge throughput, and how long a submission waits behind it: N
// closed reports (synthetic sealed rows, 3 fields, 1 blind index, 1 evidence
// chunk of 4 KiB each) due for deletion, purged in ops of 200 through the
// group-commit writer while a probe submits a trivial write every 2 ms and
// records how long each waited. Usage: pillarbox_bench_purge [N] (default 20000).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "cases/retention_purge.h"
#include "common/embedded_file.h"
#include "privacy/bytes.h"
#include "store/database.h"
#include "store/desk_repository.h"
#include "store/group_commit_writer.h"
#include "store/migrations.h"
#include "store/report_rows.h"
#include "support/manual_clock.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"

using namespace pillarbox;

namespace {

Status InsertClosed(store::Database& db, int count) {
  static constexpr char kCloseSql[] =
      "UPDATE reports SET status = 'closed', close_reason = 'actioned', closed_day = '2023-01-01' WHERE id = ?";
  static constexpr char kFileSql[] =
      "INSERT INTO evidence_files (id, report_id, created_day, sealed_key, sealed_meta, stream_header, chunk_count) "
      "VALUES (?1, ?1, '2023-01-01', x'01', x'02', zeroblob(24), 1)";
  static constexpr char kChunkSql[] = "INSERT INTO evidence_chunks (file_id, seq, ciphertext) VALUES (?, 0, ?)";
  const std::vector<uint8_t> chunk = testing::RandomTestBytes(4096);
  for (int i = 0; i < count; ++i) {
    intake::SealedReport report = testing::MakeSealedReport("voice");
    report.kind = "voice_cloning";
    report.received_day = "2022-12-01";
    PB_RETURN_IF_ERROR(store::InsertSealedReport(db, report));
    for (const char* sql : {kCloseSql, kFileSql}) {
      PB_ASSIGN_OR_RETURN(store::Statement * statement, db.Prepare(sql));
      statement->BindText(1, report.id);
      PB_RETURN_IF_ERROR(statement->Run());
    }
    PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kChunkSql));
    insert->BindText(1, report.id);
    insert->BindBlob(2, chunk);
    PB_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  const int reports = argc > 1 ? std::atoi(argv[1]) : 20000;
  testing::TempDir dir;
  const std::string path = dir.File("pillarbox.db");
  auto db = store::Database::Open(path, store::OpenMode::kReadWriteCreate);
  if (!db.ok() || !store::ApplyMigrations(**db, EmbeddedMigrations()).ok()) return 1;
  store::DeskRecord desk{"voice", "Voice", 1, {}, {"voice_cloning"}};
  if (!store::InsertDesk(**db, desk).ok()) return 1;
  store::GroupCommitWriter writer(std::move(*db), {});
  for (int done = 0; done < reports; done += 1000) {
    if (!writer.SubmitAndWait([&](store::Database& d) { return InsertClosed(d, std::min(1000, reports - done)); }).ok()) {
      return 1;
    }
  }
  auto checkpoint = store::Database::Open(path, store::OpenMode::kReadWrite);
  if (!checkpoint.ok()) return 1;
  testing::ManualClock clock(1'735'689'600);  // 2025-01-01
  const privacy::SecretKey audit_key = privacy::SecretKey::Random();
  cases::RetentionPurge purge(writer, audit_key, clock, {"voice_cloning"},
                              [&] { return (*checkpoint)->Checkpoint(store::CheckpointMode::kTruncate); }, {}, {});

  std::atomic<bool> done{false};
  std::vector<double> waits;
  std::thread probe([&] {
    while (!done.load()) {
      const auto start = std::chrono::steady_clock::now();
      (void)writer.SubmitAndWait([](store::Database&) { return Status::Ok(); });
      waits.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  const auto start = std::chrono::steady_clock::now();
  auto counts = purge.Run();
  const double total = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  done = true;
  probe.join();
  writer.Stop();
  if (!counts.ok()) {
    std::fprintf(stderr, "purge failed: %s\n", counts.status().ToString().c_str());
    return 1;
  }
  std::sort(waits.begin(), waits.end());
  const auto at = [&](double q) { return waits.empty() ? 0.0 : waits[static_cast<size_t>(q * (waits.size() - 1))]; };
  std::printf("purged %lld reports in %.0f ms (%.0f reports/s), ops of 200\n", static_cast<long long>(counts->reports),
              total, counts->reports / (total / 1000.0));
  std::printf("probe writes during the purge: %zu, wait median %.1f ms, p95 %.1f ms, max %.1f ms\n", waits.size(),
              at(0.5), at(0.95), at(1.0));
  return 0;
}
