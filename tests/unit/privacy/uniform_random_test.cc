#include "privacy/uniform_random.h"

#include <gtest/gtest.h>

#include <vector>

namespace pillarbox::privacy {
namespace {

TEST(UniformBelowTest, SmallBoundsAreCoveredEvenly) {
  std::vector<int> seen(10, 0);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t value = UniformBelow(10);
    ASSERT_LT(value, 10u);
    ++seen[value];
  }
  for (int count : seen) EXPECT_NEAR(count, 2000, 250);  // > 5 standard deviations
  EXPECT_EQ(UniformBelow(1), 0u);
}

TEST(UniformBelowTest, BoundsAbove32BitsUseAllBitsWithoutModuloBias) {
  // bound = 3 * 2^62: a plain "random % bound" would put half the values in
  // the lowest third; rejection sampling puts a third there.
  const uint64_t bound = uint64_t{3} << 62;
  int lowest_third = 0;
  bool above_32_bits = false;
  for (int i = 0; i < 30000; ++i) {
    const uint64_t value = UniformBelow(bound);
    ASSERT_LT(value, bound);
    lowest_third += value < (uint64_t{1} << 62);
    above_32_bits = above_32_bits || value > 0xFFFFFFFFULL;
  }
  EXPECT_NEAR(lowest_third, 10000, 500);
  EXPECT_TRUE(above_32_bits);
  EXPECT_LT(UniformBelow(uint64_t{1} << 32), uint64_t{1} << 32);
}

}  // namespace
}  // namespace pillarbox::privacy
