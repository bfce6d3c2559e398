// Exact discrete Laplace sampling (declared in stats/discrete_laplace.h),
// after Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for
// Differential Privacy", algorithm 1 (Bernoulli(exp(-gamma))) and algorithm 2
// (discrete Laplace with scale t = s/t). Integer arithmetic only: every
// probability is a ratio of integers realised by comparing a uniform integer
// with a threshold.
#include <cassert>

#include "stats/discrete_laplace.h"

namespace pillarbox::stats {
namespace {

// Bernoulli(numerator / denominator), numerator <= denominator, denominator >= 1.
bool SampleBernoulli(uint64_t numerator, uint64_t denominator, UniformSource& source) {
  return source.Below(denominator) < numerator;
}

// Algorithm 1 for gamma = numerator/denominator in [0, 1]: K counts the
// successes of Bernoulli(gamma / K) draws; the result is "K is odd". The
// Bernoulli(gamma / K) is drawn as Bernoulli(gamma) AND Bernoulli(1 / K),
// which has the same probability and never forms the product denominator*K.
bool SampleBernoulliExpMinusAtMostOne(uint64_t numerator, uint64_t denominator, UniformSource& source) {
  uint64_t k = 1;
  for (;;) {
    const bool success = SampleBernoulli(numerator, denominator, source) && SampleBernoulli(1, k, source);
    if (!success) break;
    ++k;
  }
  return k % 2 == 1;
}

}  // namespace

bool SampleBernoulliExpMinus(uint64_t numerator, uint64_t denominator, UniformSource& source) {
  assert(denominator >= 1);
  if (numerator <= denominator) return SampleBernoulliExpMinusAtMostOne(numerator, denominator, source);
  // exp(-gamma) = exp(-1)^floor(gamma) * exp(-(gamma - floor(gamma))).
  const uint64_t whole = numerator / denominator;
  for (uint64_t i = 0; i < whole; ++i) {
    if (!SampleBernoulliExpMinusAtMostOne(1, 1, source)) return false;
  }
  return SampleBernoulliExpMinusAtMostOne(numerator % denominator, denominator, source);
}

int64_t SampleDiscreteLaplace(Rational scale, UniformSource& source) {
  const uint64_t s = scale.numerator;
  const uint64_t t = scale.denominator;
  assert(s >= 1 && t >= 1 && s <= kMaxRationalPart && t <= kMaxRationalPart);
  for (;;) {
    // X = U + s*V is geometric with P(X = x) proportional to exp(-x / s).
    const uint64_t u = source.Below(s);
    if (!SampleBernoulliExpMinusAtMostOne(u, s, source)) continue;
    uint64_t v = 0;
    while (SampleBernoulliExpMinusAtMostOne(1, 1, source)) ++v;
    // v < 2^23 except with probability e^-(2^23); with s <= 2^40 the sum
    // below fits in 63 bits. Redraw in the impossible case rather than wrap.
    if (v >= (uint64_t{1} << 23)) continue;
    const uint64_t x = u + s * v;
    // Y = floor(X / t) is geometric with parameter exp(-1/scale) = exp(-t/s).
    const auto y = static_cast<int64_t>(x / t);
    const bool negative = SampleBernoulli(1, 2, source);
    if (negative && y == 0) continue;  // so that 0 is not counted twice
    return negative ? -y : y;
  }
}

}  // namespace pillarbox::stats
