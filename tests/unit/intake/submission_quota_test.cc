#include "intake/submission_quota.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "support/manual_clock.h"

namespace pillarbox::intake {
namespace {

using pillarbox::testing::ManualClock;

int AdmitAll(SubmissionQuota& quota, int attempts) {
  int admitted = 0;
  for (int i = 0; i < attempts; ++i) admitted += quota.Admit().ok() ? 1 : 0;
  return admitted;
}

TEST(SubmissionQuotaTest, AcceptsTheBurstThenRefusesWithResourceExhausted) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 60, .burst = 5});
  EXPECT_EQ(AdmitAll(quota, 5), 5);
  const Status refused = quota.Admit();
  EXPECT_EQ(refused.code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(refused.field().empty());
}

TEST(SubmissionQuotaTest, RefillsAtTheSustainedRateAndNeverAboveTheBurst) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 120, .burst = 4});  // 2 a second
  EXPECT_EQ(AdmitAll(quota, 10), 4);
  clock.Advance(1);
  EXPECT_EQ(AdmitAll(quota, 10), 2);
  clock.Advance(3600);  // a quiet hour saves up only the burst
  EXPECT_EQ(AdmitAll(quota, 100), 4);
}

TEST(SubmissionQuotaTest, SlowRatesAccumulateFractions) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 6, .burst = 1});  // one every 10 s
  EXPECT_EQ(AdmitAll(quota, 3), 1);
  for (int second = 1; second < 10; ++second) {
    clock.Advance(1);
    EXPECT_FALSE(quota.Admit().ok()) << second;
  }
  clock.Advance(1);
  EXPECT_TRUE(quota.Admit().ok());
}

TEST(SubmissionQuotaTest, RetryAfterIsTheWaitForTheNextSlot) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 6, .burst = 1});  // one every 10 s
  EXPECT_EQ(quota.RetryAfterSeconds(), 1);  // a slot is free: at least 1
  ASSERT_TRUE(quota.Admit().ok());
  EXPECT_EQ(quota.RetryAfterSeconds(), 10);
  clock.Advance(4);
  EXPECT_EQ(quota.RetryAfterSeconds(), 6);
  clock.Advance(6);
  EXPECT_EQ(quota.RetryAfterSeconds(), 1);
  EXPECT_TRUE(quota.Admit().ok());
}

TEST(SubmissionQuotaTest, RetryAfterAtHighRatesIsOneSecond) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 600, .burst = 2});
  EXPECT_EQ(AdmitAll(quota, 3), 2);
  EXPECT_EQ(quota.RetryAfterSeconds(), 1);
}

TEST(SubmissionQuotaTest, AClockGoingBackwardsNeitherRefillsNorBreaks) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 60, .burst = 2});
  EXPECT_EQ(AdmitAll(quota, 2), 2);
  clock.Advance(-100);
  EXPECT_FALSE(quota.Admit().ok());
  EXPECT_GE(quota.RetryAfterSeconds(), 1);
  clock.Advance(101);
  EXPECT_TRUE(quota.Admit().ok());
}

TEST(SubmissionQuotaTest, ConcurrentCallersNeverExceedTheBurst) {
  ManualClock clock;
  SubmissionQuota quota(clock, {.per_minute = 1, .burst = 50});
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] { admitted += AdmitAll(quota, 100); });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(admitted.load(), 50);
}

}  // namespace
}  // namespace pillarbox::intake
