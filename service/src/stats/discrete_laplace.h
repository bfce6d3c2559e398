// The differential-privacy mechanism: discrete Laplace (two-sided geometric)
// noise, sampled exactly with integer arithmetic only (Canonne, Kamath and
// Steinke 2020, "The Discrete Gaussian for Differential Privacy", algorithms
// 1 and 2), so no floating-point rounding can leak anything about the count.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/status.h"

namespace pillarbox::stats {

// Uniform random integers. Implementations: privacy/uniform_random.h (libsodium,
// production) and seeded sources in tests. Not thread-safe unless stated.
class UniformSource {
 public:
  virtual ~UniformSource() = default;
  // A uniform integer in [0, bound); precondition bound >= 1.
  virtual uint64_t Below(uint64_t bound) = 0;
};

// A positive rational number num/den (both >= 1), e.g. an epsilon.
struct Rational {
  uint64_t numerator = 1;
  uint64_t denominator = 1;
};

// Parses a decimal such as "0.5", "1", "0.125" (at most 6 digits after the
// point) into an exact Rational; InvalidArgument (field `field`) for anything
// else, zero or negative values included.
Result<Rational> ParseDecimal(std::string_view text, std::string_view field);

// One draw of the discrete Laplace distribution with scale t = num/den:
// P(Y = y) proportional to exp(-|y| / t). Exact; uses only `source`.
int64_t SampleDiscreteLaplace(Rational scale, UniformSource& source);

}  // namespace pillarbox::stats
