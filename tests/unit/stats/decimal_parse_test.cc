#include <gtest/gtest.h>

#include "stats/discrete_laplace.h"

namespace pillarbox::stats {
namespace {

Rational Parsed(std::string_view text) {
  Result<Rational> parsed = ParseDecimal(text, "epsilon");
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
  return parsed.ok() ? *parsed : Rational{0, 0};
}

TEST(ParseDecimalTest, ExactValuesInLowestTerms) {
  const Rational half = Parsed("0.5");
  EXPECT_EQ(half.numerator, 1u);
  EXPECT_EQ(half.denominator, 2u);
  const Rational eighth = Parsed("0.125");
  EXPECT_EQ(eighth.numerator, 1u);
  EXPECT_EQ(eighth.denominator, 8u);
  const Rational one = Parsed("1");
  EXPECT_EQ(one.numerator, 1u);
  EXPECT_EQ(one.denominator, 1u);
  const Rational two_and_half = Parsed("2.50");
  EXPECT_EQ(two_and_half.numerator, 5u);
  EXPECT_EQ(two_and_half.denominator, 2u);
  const Rational smallest = Parsed("0.000001");
  EXPECT_EQ(smallest.numerator, 1u);
  EXPECT_EQ(smallest.denominator, 1000000u);
  const Rational largest = Parsed("999999.999999");
  EXPECT_EQ(largest.numerator, 999999999999u);
  EXPECT_EQ(largest.denominator, 1000000u);
  EXPECT_LE(largest.numerator, kMaxRationalPart);
}

TEST(ParseDecimalTest, RejectsAnythingElseNamingTheField) {
  for (std::string_view bad : {"", "0", "0.0", "0.000000", "-1", "+1", "1e-3", ".5", "5.", "1.2.3", " 1", "1 ",
                               "0.1234567", "1000000", "0x10", "abc", "1,5", "NaN", "inf"}) {
    Result<Rational> parsed = ParseDecimal(bad, "epsilon");
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(parsed.status().field(), "epsilon") << bad;
  }
  EXPECT_EQ(ParseDecimal("-2", "budget").status().field(), "budget");
}

}  // namespace
}  // namespace pillarbox::stats
