// Cost of one production-strength (MODERATE) Argon2id run, the price of
// `pillarbox init` per credential and, later, of each login.
// Usage: pillarbox_bench_kdf [RUNS]; prints every run and the median.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "privacy/init.h"
#include "privacy/password_kdf.h"

int main(int argc, char** argv) {
  using namespace pillarbox::privacy;
  if (!InitializeAndSelfTest().ok()) return 1;
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const auto salt = NewPasswordSalt();
  std::vector<double> seconds;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    if (!DerivePasswordKeys("correct horse battery staple", salt, ModerateKdfParams()).ok()) return 1;
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    std::printf("run %d: %.3f s\n", i + 1, seconds.back());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("median of %d MODERATE Argon2id runs (%zu MiB): %.3f s\n", runs,
              ModerateKdfParams().memory_bytes >> 20, seconds[seconds.size() / 2]);
  return 0;
}
