// The sampler checked against the exact discrete Laplace distribution
// P(y) = (1-p)/(1+p) p^|y|, p = exp(-1/t), with a fixed-seed source.
#include "stats/discrete_laplace.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "seeded_uniform_source.h"
#include "stats/sodium_uniform_source.h"

namespace pillarbox::stats {
namespace {

constexpr int kDraws = 200000;

std::vector<int64_t> Draw(Rational scale, uint64_t seed, int draws) {
  SeededUniformSource source(seed);
  std::vector<int64_t> samples;
  samples.reserve(draws);
  for (int i = 0; i < draws; ++i) samples.push_back(SampleDiscreteLaplace(scale, source));
  return samples;
}

double Parameter(Rational scale) {
  return std::exp(-static_cast<double>(scale.denominator) / static_cast<double>(scale.numerator));
}

double Pmf(double p, int64_t y) { return (1 - p) / (1 + p) * std::pow(p, static_cast<double>(std::llabs(y))); }

// Chi-square statistic of `samples` against the pmf with parameter p: one
// bin per y in [-limit, limit] (limit chosen so each bin expects >= 20) plus
// the two tails. Sets *degrees to bins - 1.
double ChiSquare(const std::vector<int64_t>& samples, double p, int* degrees) {
  const double n = static_cast<double>(samples.size());
  int64_t limit = 0;
  while (n * Pmf(p, limit + 1) >= 20) ++limit;
  std::map<int64_t, double> observed;
  for (int64_t y : samples) observed[std::max(-limit - 1, std::min(limit + 1, y))] += 1;
  double tail = 0.5 * (1.0 - (1 - p) / (1 + p) * (1 + 2 * p * (1 - std::pow(p, limit)) / (1 - p)));
  double statistic = 0;
  for (int64_t y = -limit - 1; y <= limit + 1; ++y) {
    const double expected = n * ((y < -limit || y > limit) ? tail : Pmf(p, y));
    statistic += (observed[y] - expected) * (observed[y] - expected) / expected;
  }
  *degrees = static_cast<int>(2 * limit + 2);
  return statistic;
}

// Upper 0.1% point of chi-square with `degrees` (Wilson-Hilferty).
double CriticalValue(int degrees) {
  const double k = degrees;
  const double z = 3.090;
  return k * std::pow(1 - 2 / (9 * k) + z * std::sqrt(2 / (9 * k)), 3);
}

class DiscreteLaplaceScaleTest : public ::testing::TestWithParam<Rational> {};

TEST_P(DiscreteLaplaceScaleTest, MatchesTheExactDistribution) {
  const Rational scale = GetParam();
  const std::vector<int64_t> samples = Draw(scale, 20260101, kDraws);
  const double p = Parameter(scale);
  int degrees = 0;
  const double statistic = ChiSquare(samples, p, &degrees);
  EXPECT_LT(statistic, CriticalValue(degrees)) << "degrees " << degrees;
  EXPECT_GE(degrees, 6);

  double sum = 0;
  double squares = 0;
  int positive = 0;
  int negative = 0;
  for (int64_t y : samples) {
    sum += static_cast<double>(y);
    squares += static_cast<double>(y * y);
    positive += y > 0;
    negative += y < 0;
  }
  const double variance = 2 * p / ((1 - p) * (1 - p));
  const double mean = sum / kDraws;
  EXPECT_LT(std::abs(mean), 4 * std::sqrt(variance / kDraws));  // mean ~ 0
  EXPECT_NEAR(squares / kDraws, variance, 0.03 * variance);
  // Symmetry: as many positive as negative draws, within 4 standard deviations.
  EXPECT_LT(std::abs(positive - negative), 4 * std::sqrt(static_cast<double>(positive + negative)));
}

INSTANTIATE_TEST_SUITE_P(Scales, DiscreteLaplaceScaleTest,
                         ::testing::Values(Rational{1, 1}, Rational{5, 2}, Rational{10, 1}, Rational{1, 3}));

TEST(DiscreteLaplaceTest, TheChiSquareTestCanFail) {
  // Draws at scale 2 judged against the pmf of scale 5/2 must be rejected.
  const std::vector<int64_t> samples = Draw(Rational{2, 1}, 20260101, kDraws);
  int degrees = 0;
  const double statistic = ChiSquare(samples, Parameter(Rational{5, 2}), &degrees);
  EXPECT_GT(statistic, CriticalValue(degrees));
}

TEST(DiscreteLaplaceTest, SameSeedSameSequenceDifferentSeedDifferentSequence) {
  EXPECT_EQ(Draw(Rational{5, 2}, 7, 2000), Draw(Rational{5, 2}, 7, 2000));
  EXPECT_NE(Draw(Rational{5, 2}, 7, 2000), Draw(Rational{5, 2}, 8, 2000));
}

TEST(DiscreteLaplaceTest, EquivalentFractionsGiveTheSameDistribution) {
  // 5/2 and 10/4 are the same scale; the algorithm consumes randomness
  // differently, so compare distributions, not sequences.
  const std::vector<int64_t> samples = Draw(Rational{10, 4}, 99, kDraws);
  int degrees = 0;
  const double statistic = ChiSquare(samples, Parameter(Rational{5, 2}), &degrees);
  EXPECT_LT(statistic, CriticalValue(degrees));
}

TEST(DiscreteLaplaceTest, HugeScalePartsDoNotOverflow) {
  SeededUniformSource source(3);
  for (int i = 0; i < 2000; ++i) {
    const int64_t y = SampleDiscreteLaplace(Rational{kMaxRationalPart, kMaxRationalPart - 1}, source);
    EXPECT_LT(std::llabs(y), 100);  // scale ~1: |y| >= 100 has probability ~e^-100
  }
}

TEST(BernoulliExpMinusTest, MatchesExpMinusGamma) {
  SeededUniformSource source(11);
  for (const Rational gamma : {Rational{0, 1}, Rational{1, 2}, Rational{1, 1}, Rational{7, 3}}) {
    int successes = 0;
    for (int i = 0; i < kDraws; ++i) successes += SampleBernoulliExpMinus(gamma.numerator, gamma.denominator, source);
    const double expected = std::exp(-static_cast<double>(gamma.numerator) / gamma.denominator);
    const double deviation = std::sqrt(expected * (1 - expected) / kDraws);
    EXPECT_NEAR(static_cast<double>(successes) / kDraws, expected, 4 * deviation + 1e-12) << gamma.numerator;
  }
}

TEST(SodiumUniformSourceTest, StaysBelowTheBoundAndCoversIt) {
  SodiumUniformSource source;
  std::vector<int> seen(6, 0);
  for (int i = 0; i < 6000; ++i) {
    const uint64_t value = source.Below(6);
    ASSERT_LT(value, 6u);
    ++seen[value];
  }
  for (int count : seen) EXPECT_GT(count, 800);
  EXPECT_EQ(source.Below(1), 0u);
  // Bounds above 2^32 (the rejection path): values reach the upper half.
  const uint64_t big = (uint64_t{3} << 62);
  int upper = 0;
  for (int i = 0; i < 4000; ++i) {
    const uint64_t value = source.Below(big);
    ASSERT_LT(value, big);
    upper += value >= big / 2;
  }
  EXPECT_NEAR(upper, 2000, 200);
}

}  // namespace
}  // namespace pillarbox::stats
