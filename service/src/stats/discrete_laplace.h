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

// The largest numerator or denominator the sampler accepts (2^40). With
// num <= 2^40 the only product it forms, num * V where V is a geometric
// count with P(V >= v) = e^-v, fits in 63 bits unless V >= 2^23, which has
// probability e^-8388608 (never). ParseDecimal's results stay below it.
inline constexpr uint64_t kMaxRationalPart = uint64_t{1} << 40;

// Parses a decimal such as "0.5", "1", "0.125" (at most 6 digits after the
// point) into an exact Rational; InvalidArgument (field `field`) for anything
// else, zero or negative values included. Accepted: 1 to 6 digits, then
// optionally "." and 1 to 6 digits; the result is in lowest terms, so both
// parts are below 10^12 < kMaxRationalPart.
Result<Rational> ParseDecimal(std::string_view text, std::string_view field);

// One draw of the discrete Laplace distribution with scale t = num/den:
// P(Y = y) proportional to exp(-|y| / t). Exact; uses only `source` and
// integer arithmetic. Precondition: both parts of `scale` in
// [1, kMaxRationalPart] (checked by assert; callers build scales from
// ParseDecimal results and small sensitivities).
int64_t SampleDiscreteLaplace(Rational scale, UniformSource& source);

// One draw of Bernoulli(exp(-gamma)) for gamma = numerator/denominator >= 0
// (numerator may be 0; denominator >= 1), exactly (algorithm 1 of the paper).
// Exposed for tests. Uses only `source`.
bool SampleBernoulliExpMinus(uint64_t numerator, uint64_t denominator, UniformSource& source);

}  // namespace pillarbox::stats
