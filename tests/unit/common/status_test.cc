#include "common/status.h"

#include <gtest/gtest.h>

#include <set>

namespace pillarbox {
namespace {

Result<int> Half(int value) {
  if (value % 2 != 0) return Status::InvalidArgument("must be even", "value");
  return value / 2;
}

Result<int> Quarter(int value) {
  PB_ASSIGN_OR_RETURN(int half, Half(value));
  PB_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(StatusTest, OkByDefaultAndNamedFactoriesCarryCodeFieldAndMessage) {
  EXPECT_TRUE(Status().ok());
  const Status status = Status::InvalidArgument("is required", "narrative");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.field(), "narrative");
  EXPECT_EQ(status.message(), "is required");
  EXPECT_EQ(status.ToString(), "invalid_argument: is required (narrative)");
}

TEST(StatusTest, FieldPrefixBuildsADottedPath) {
  EXPECT_EQ(Status::InvalidArgument("x", "narrative").WithFieldPrefix("answers").field(), "answers.narrative");
  EXPECT_EQ(Status::NotFound("x").WithFieldPrefix("kind").field(), "kind");
}

TEST(StatusTest, ResultPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  const Result<int> odd = Quarter(6);  // 6 -> 3 -> error
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.status().field(), "value");
  EXPECT_TRUE(Quarter(8).status().ok());
}

TEST(StatusTest, EveryCodeHasADistinctName) {
  std::set<std::string_view> names;
  for (int code = 0; code <= static_cast<int>(StatusCode::kInternal); ++code) {
    names.insert(StatusCodeName(static_cast<StatusCode>(code)));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(StatusCode::kInternal) + 1);
}

}  // namespace
}  // namespace pillarbox
