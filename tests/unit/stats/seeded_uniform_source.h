// A deterministic UniformSource for tests: splitmix64 with exact rejection
// sampling, so the same seed always gives the same sequence.
#pragma once

#include <cstdint>

#include "stats/discrete_laplace.h"

namespace pillarbox::stats {

class SeededUniformSource final : public UniformSource {
 public:
  explicit SeededUniformSource(uint64_t seed) : state_(seed) {}

  uint64_t Below(uint64_t bound) override {
    ++calls_;
    if (bound <= 1) return 0;
    const uint64_t rejected_below = (0 - bound) % bound;  // 2^64 mod bound
    for (;;) {
      const uint64_t value = Next();
      if (value >= rejected_below) return value % bound;
    }
  }

  // How many times Below was called.
  uint64_t calls() const { return calls_; }

 private:
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  uint64_t state_;
  uint64_t calls_ = 0;
};

}  // namespace pillarbox::stats
