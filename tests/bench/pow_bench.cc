// Proof-of-work solve times: for each difficulty, RUNS challenges from
// intake::ProofOfWork solved the way tests/integration/pow_solver.h solves
// them (decimal nonces, one BLAKE2b-256 each); prints the median, p90 and
// mean solve time and the hash rate, and checks each solution is accepted.
// Times are the solving thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so a
// machine shared with other work does not inflate them; wall time is
// printed too.
//
// Usage: pillarbox_bench_pow [RUNS=15] [BITS...=16 20]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/clock.h"
#include "intake/proof_of_work.h"
#include "pow_solver.h"

namespace {

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 15;
  std::vector<int> difficulties;
  for (int i = 2; i < argc; ++i) difficulties.push_back(std::atoi(argv[i]));
  if (difficulties.empty()) difficulties = {16, 20};
  pillarbox::SystemClock clock;
  std::printf("| bits | runs | median CPU s | p90 CPU s | mean CPU s | mean hashes | hashes/CPU s | mean wall s |\n"
              "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const int bits : difficulties) {
    pillarbox::intake::ProofOfWork pow(clock, {.difficulty_bits = bits, .lifetime_seconds = 3600});
    std::vector<double> seconds;
    double hashes = 0;
    double wall = 0;
    for (int r = 0; r < runs; ++r) {
      const std::string challenge = pow.Issue().challenge;
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = ThreadCpuSeconds();
      const std::string nonce = pillarbox::testing::SolveChallenge(challenge, bits);
      seconds.push_back(ThreadCpuSeconds() - cpu_start);
      wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      hashes += std::stod(nonce) + 1;
      if (!pow.Spend(challenge, nonce).ok()) {
        std::fprintf(stderr, "solution refused\n");
        return 1;
      }
    }
    std::vector<double> sorted = seconds;
    std::sort(sorted.begin(), sorted.end());
    double total = 0;
    for (double s : seconds) total += s;
    std::printf("| %d | %d | %.3f | %.3f | %.3f | %.0f | %.0f | %.3f |\n", bits, runs, sorted[sorted.size() / 2],
                sorted[std::min(sorted.size() - 1, sorted.size() * 9 / 10)], total / runs, hashes / runs,
                hashes / total, wall / runs);
  }
  return 0;
}
