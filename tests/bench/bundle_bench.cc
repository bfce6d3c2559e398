// Evidence bundle throughput and memory (docs/ARCHITECTURE.md "Evidence bundles"):
// writes a bundle of ENTRIES entries of ENTRY_MIB MiB each (default 10 x 10
// MiB = 100 MiB) to a file through BundleWriter, then maps it and runs
// CheckBundle. Prints MiB/s for both and the peak anonymous memory (RssAnon,
// sampled every millisecond) above the baseline, which should stay near one
// entry for writing and near one 64 KiB message for checking.
// Usage: pillarbox_bench_bundle [ENTRIES [ENTRY_MIB]]
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <thread>

#include "bundles/bundle_format.h"

namespace {

using namespace pillarbox;

// The current RssAnon of this process in KiB.
long RssAnonKib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("RssAnon:", 0) == 0) return std::stol(line.substr(8));
  }
  return -1;
}

// Samples RssAnon every millisecond while alive; peak() is the largest seen.
class PeakSampler {
 public:
  PeakSampler()
      : thread_([this] {
          while (!stop_) {
            const long now = RssAnonKib();
            if (now > peak_) peak_ = now;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
          }
        }) {}
  ~PeakSampler() { Stop(); }
  long Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return peak_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<long> peak_{0};
  std::thread thread_;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU seconds used by the calling thread so far (the figure that matters on a shared machine).
double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t entries = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10;
  const size_t entry_bytes = (argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 10) * 1024 * 1024;
  const double total_mib = static_cast<double>(entries * entry_bytes) / (1024.0 * 1024.0);
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp != nullptr ? tmp : "/tmp") + "/pillarbox_bench_bundle.bin";
  const privacy::BoxKeyPair organization = privacy::BoxKeyPair::Generate();
  const privacy::SigningKey signer = privacy::SigningKey::FromSeed(privacy::SecretKey::Random());
  std::string entry(entry_bytes, '\0');
  for (size_t i = 0; i < entry.size(); ++i) entry[i] = static_cast<char>((i * 2654435761u) >> 13);
  const long baseline = RssAnonKib();

  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return 1;
  auto sink = [file](std::string_view piece) {
    return std::fwrite(piece.data(), 1, piece.size(), file) == piece.size() ? Status::Ok()
                                                                            : Status::Unavailable("write failed");
  };
  PeakSampler write_peak;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  auto writer = bundles::BundleWriter::Start(sink, {"00112233445566778899aabbccddeeff", "bench-org", "2026-11-22"},
                                             signer, organization.public_key);
  if (!writer.ok()) return 1;
  for (size_t i = 0; i < entries; ++i) {
    if (!writer->AddEntry("evidence/file-" + std::to_string(i) + ".bin", entry).ok()) return 1;
  }
  if (!writer->Finish().ok() || std::fflush(file) != 0) return 1;
  const double write_seconds = Seconds(start);
  const double write_cpu = ThreadCpuSeconds() - cpu_start;
  const long write_peak_kib = write_peak.Stop();
  std::fclose(file);

  const int fd = open(path.c_str(), O_RDONLY);
  struct stat info {};
  fstat(fd, &info);
  const size_t size = static_cast<size_t>(info.st_size);
  void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (data == MAP_FAILED) return 1;
  entry.clear();
  entry.shrink_to_fit();
  const long check_baseline = RssAnonKib();
  PeakSampler check_peak;
  start = std::chrono::steady_clock::now();
  cpu_start = ThreadCpuSeconds();
  auto check = bundles::CheckBundle(std::string_view(static_cast<const char*>(data), size), organization.secret_key,
                                    signer.public_key());
  const double check_seconds = Seconds(start);
  const double check_cpu = ThreadCpuSeconds() - cpu_start;
  const long check_peak_kib = check_peak.Stop();
  munmap(data, size);
  std::remove(path.c_str());
  if (!check.ok() || !check->intact()) return 1;
  std::printf("bundle of %zu entries x %zu MiB = %.0f MiB (file %.1f MiB)\n", entries, entry_bytes >> 20, total_mib,
              static_cast<double>(size) / (1024.0 * 1024.0));
  std::printf("write: %.2f s wall (%.0f MiB/s), %.2f s CPU (%.0f MiB/s); peak RssAnon %+ld KiB over the baseline\n",
              write_seconds, total_mib / write_seconds, write_cpu, total_mib / write_cpu, write_peak_kib - baseline);
  std::printf("check: %.2f s wall (%.0f MiB/s), %.2f s CPU (%.0f MiB/s); peak RssAnon %+ld KiB over the baseline\n",
              check_seconds, total_mib / check_seconds, check_cpu, total_mib / check_cpu,
              check_peak_kib - check_baseline);
  return 0;
}
