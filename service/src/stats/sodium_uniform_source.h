// The production UniformSource: the system CSPRNG through libsodium
// (privacy/uniform_random.h).
#pragma once

#include <cstdint>

#include "stats/discrete_laplace.h"

namespace pillarbox::stats {

// Uniform integers from libsodium's randombytes. Stateless, so thread-safe
// (one instance may be shared).
class SodiumUniformSource final : public UniformSource {
 public:
  // A uniform integer in [0, bound), exact for every 64-bit bound >= 1.
  uint64_t Below(uint64_t bound) override;
};

}  // namespace pillarbox::stats
