// Timing for the in-process benchmarks: wall-clock median and p95, and the
// median of the process's CPU time (the fair figure on a shared machine).
// Header-only; not thread-safe (CPU time is the whole process's).
#pragma once

#include <time.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace pillarbox::bench {

inline double Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// CPU time used by the process so far, in milliseconds.
inline double CpuMillis() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Timing {
  double median = 0, p95 = 0, cpu_median = 0;
};

// Runs `prepare` (untimed) then `run` (timed) once as a warm-up (statements
// prepared, pages cached), then `repeats` (>= 1) more times.
inline Timing Measure(int repeats, const std::function<void()>& prepare, const std::function<void()>& run) {
  prepare();
  run();
  std::vector<double> samples, cpu;
  for (int i = 0; i < repeats; ++i) {
    prepare();
    const double cpu_start = CpuMillis();
    const auto start = std::chrono::steady_clock::now();
    run();
    samples.push_back(Millis(std::chrono::steady_clock::now() - start));
    cpu.push_back(CpuMillis() - cpu_start);
  }
  std::sort(samples.begin(), samples.end());
  std::sort(cpu.begin(), cpu.end());
  return {samples[samples.size() / 2], samples[std::min(samples.size() - 1, samples.size() * 95 / 100)],
          cpu[cpu.size() / 2]};
}

// Measure with nothing to prepare.
inline Timing Measure(int repeats, const std::function<void()>& run) {
  return Measure(repeats, [] {}, run);
}

}  // namespace pillarbox::bench
