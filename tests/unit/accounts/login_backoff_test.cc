#include "accounts/login_backoff.h"

#include <gtest/gtest.h>

#include "support/manual_clock.h"

namespace pillarbox::accounts {
namespace {

TEST(LoginBackoffTest, FreeFailuresThenDoublingDelaysCappedAndClearedBySuccess) {
  pillarbox::testing::ManualClock clock;
  clock.Set(1000);
  LoginBackoff backoff(clock, {.free_failures = 3, .max_delay_seconds = 8, .max_tracked = 10});
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(backoff.MayAttempt("alice"));
    backoff.RecordFailure("alice");
  }
  // 3 failures: delay 2^0 = 1 s.
  EXPECT_FALSE(backoff.MayAttempt("alice"));
  clock.Advance(1);
  EXPECT_TRUE(backoff.MayAttempt("alice"));
  backoff.RecordFailure("alice");  // 4: 2 s
  clock.Advance(1);
  EXPECT_FALSE(backoff.MayAttempt("alice"));
  clock.Advance(1);
  EXPECT_TRUE(backoff.MayAttempt("alice"));
  for (int i = 0; i < 10; ++i) backoff.RecordFailure("alice");  // far past the cap
  clock.Advance(7);
  EXPECT_FALSE(backoff.MayAttempt("alice"));
  clock.Advance(1);
  EXPECT_TRUE(backoff.MayAttempt("alice")) << "never more than max_delay";
  EXPECT_TRUE(backoff.MayAttempt("bob")) << "other accounts are unaffected";
  backoff.RecordSuccess("alice");
  backoff.RecordFailure("alice");
  EXPECT_TRUE(backoff.MayAttempt("alice"));
}

TEST(LoginBackoffTest, TrackedNamesAreBounded) {
  pillarbox::testing::ManualClock clock;
  clock.Set(1000);
  LoginBackoff backoff(clock, {.free_failures = 0, .max_delay_seconds = 60, .max_tracked = 2});
  backoff.RecordFailure("a");
  clock.Advance(1);
  backoff.RecordFailure("b");
  clock.Advance(1);
  backoff.RecordFailure("c");  // forgets "a", the stalest
  EXPECT_TRUE(backoff.MayAttempt("a"));
  EXPECT_FALSE(backoff.MayAttempt("c"));
}

}  // namespace
}  // namespace pillarbox::accounts
