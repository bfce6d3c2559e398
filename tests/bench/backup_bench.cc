// Backup size and time (docs/notes/backup.md): a migrated database with N
// synthetic reports (report_generator.h), then `backup`, `backup verify` and
// `restore` through the same functions as the CLI, 3 runs each (median).
// Usage: pillarbox_bench_backup [reports=10000]
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/backup_creation.h"
#include "app/backup_opening.h"
#include "bench_timing.h"
#include "common/embedded_file.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"
#include "report_generator.h"
#include "store/migrations.h"
#include "support/temp_dir.h"

namespace pillarbox::bench {
namespace {

int Run(int64_t reports) {
  testing::TempDir dir;
  const std::string data = dir.File("data");
  std::filesystem::create_directory(data);
  if (!privacy::InitializeAndSelfTest().ok() || !privacy::InstanceKeys::CreateFile(data + "/instance.key").ok()) return 1;
  {
    auto db = store::Database::Open(data + "/pillarbox.db", store::OpenMode::kReadWriteCreate);
    if (!db.ok() || !store::ApplyMigrations(**db, EmbeddedMigrations()).ok()) return 1;
    GeneratorOptions options;
    options.reports = reports;
    if (!GenerateReports(**db, options).ok()) return 1;
    if (!(*db)->Checkpoint(store::CheckpointMode::kTruncate).ok()) return 1;
  }
  auto keys = privacy::InstanceKeys::LoadFile(data + "/instance.key");
  if (!keys.ok()) return 1;
  const std::string out = dir.File("bench.pbxbak");
  SystemClock clock;
  uint64_t file_bytes = 0;
  int64_t pages = 0;
  const Timing backup = Measure(3, [] {}, [&] {
    auto summary = app::CreateBackup(app::BackupRequest{app::InstanceLayout{data, ""}, out}, clock);
    if (!summary.ok()) std::abort();
    file_bytes = summary->file_bytes;
    pages = summary->pages;
  });
  const Timing verify = Measure(3, [] {}, [&] {
    if (!app::VerifyBackup(app::BackupSource{out, &*keys, {}}, data).ok()) std::abort();
  });
  const std::string restored = dir.File("restored");
  const Timing restore = Measure(3, [&] { std::filesystem::remove_all(restored); }, [&] {
    if (!app::RestoreBackup(app::BackupSource{out, &*keys, {}}, restored).ok()) std::abort();
  });
  std::printf("reports %lld: database %llu bytes, %lld pages; backup file %llu bytes\n",
              static_cast<long long>(reports),
              static_cast<unsigned long long>(std::filesystem::file_size(data + "/pillarbox.db")),
              static_cast<long long>(pages), static_cast<unsigned long long>(file_bytes));
  std::printf("backup  median %.0f ms (cpu %.0f ms)\n", backup.median, backup.cpu_median);
  std::printf("verify  median %.0f ms (cpu %.0f ms)\n", verify.median, verify.cpu_median);
  std::printf("restore median %.0f ms (cpu %.0f ms)\n", restore.median, restore.cpu_median);
  return 0;
}

}  // namespace
}  // namespace pillarbox::bench

int main(int argc, char** argv) { return pillarbox::bench::Run(argc > 1 ? std::atoll(argv[1]) : 10000); }
