#include "counts_trial.h"

#include <gtest/gtest.h>

namespace pillarbox::testing {
namespace {

std::vector<int64_t> Plus(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  std::vector<int64_t> sum = a;
  for (size_t i = 0; i < sum.size() && i < b.size(); ++i) sum[i] += b[i];
  return sum;
}

std::string Show(const std::vector<int64_t>& counts) {
  std::string text;
  for (int64_t count : counts) text += std::to_string(count) + " ";
  return text;
}

}  // namespace

std::vector<int64_t> CountsTrial::Counts() const {
  std::vector<int64_t> counts;
  for (const std::string& query : queries_) counts.push_back(bed_.Count(query));
  return counts;
}

void CountsTrial::Calibrate() {
  Prepare();
  const Status status = Attempt();
  ASSERT_TRUE(status.ok()) << status.ToString();
  const std::vector<int64_t> after = Counts();
  delta_.clear();
  for (size_t i = 0; i < after.size(); ++i) delta_.push_back(after[i] - before_[i]);
  ASSERT_NE(after, before_) << "the operation changed none of the counts";
}

void CountsTrial::CheckAllOrNothing(const Status& status) {
  const std::vector<int64_t> after = Counts();
  const std::vector<int64_t> full = Plus(before_, delta_);
  if (status.ok()) {
    EXPECT_EQ(after, full) << "succeeded but stored " << Show(after) << "instead of " << Show(full);
  } else {
    EXPECT_TRUE(after == before_ || after == full)
        << "partial state: " << Show(after) << "is neither " << Show(before_) << "nor " << Show(full);
  }
}

void CountsTrial::Retry() {
  if (Counts() == before_) {
    const Status status = Attempt();
    EXPECT_TRUE(status.ok()) << "the retry failed: " << status.ToString();
  }
  EXPECT_EQ(Counts(), Plus(before_, delta_)) << "the retry did not store the whole operation";
}

}  // namespace pillarbox::testing
