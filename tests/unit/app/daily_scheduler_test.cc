// DailyScheduler: runs at start, once per UTC day of the clock (moved by
// hand), and stops promptly, cancelling a run in progress.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/daily_scheduler.h"
#include "support/manual_clock.h"

namespace pillarbox::app {
namespace {

using std::chrono::milliseconds;

constexpr int64_t kDay = 24 * 60 * 60;

// Waits up to 5 s for `condition`.
template <typename Condition>
bool Eventually(Condition condition) {
  for (int i = 0; i < 500; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return condition();
}

TEST(DailySchedulerTest, RunsAtStartThenOncePerUtcDay) {
  testing::ManualClock clock;  // 2024-06-15 12:00 UTC
  std::atomic<int> runs{0};
  DailyScheduler scheduler(clock, milliseconds(5), [&runs](const std::atomic<bool>&) { ++runs; });
  ASSERT_TRUE(Eventually([&] { return runs.load() == 1; }));

  clock.Advance(11 * 60 * 60);  // 23:00, the same day
  std::this_thread::sleep_for(milliseconds(100));  // twenty checks
  EXPECT_EQ(runs.load(), 1);

  clock.Advance(60 * 60);  // 2024-06-16 00:00
  ASSERT_TRUE(Eventually([&] { return runs.load() == 2; }));
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(runs.load(), 2) << "once per day, not once per check";

  clock.Advance(3 * kDay);  // days skipped (a sleeping machine): one run catches up
  ASSERT_TRUE(Eventually([&] { return runs.load() == 3; }));
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(runs.load(), 3);
  EXPECT_EQ(scheduler.runs(), 3u);
}

TEST(DailySchedulerTest, StopsPromptlyWhileWaiting) {
  testing::ManualClock clock;
  std::atomic<int> runs{0};
  DailyScheduler scheduler(clock, std::chrono::hours(1), [&runs](const std::atomic<bool>&) { ++runs; });
  ASSERT_TRUE(Eventually([&] { return runs.load() == 1; }));
  const auto start = std::chrono::steady_clock::now();
  scheduler.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(500)) << "Stop must not wait for the interval";
  clock.Advance(kDay);
  std::this_thread::sleep_for(milliseconds(50));
  EXPECT_EQ(runs.load(), 1);
  scheduler.Stop();  // idempotent
}

TEST(DailySchedulerTest, StopCancelsARunInProgress) {
  testing::ManualClock clock;
  std::atomic<bool> started{false};
  std::atomic<bool> saw_cancel{false};
  DailyScheduler scheduler(clock, milliseconds(5), [&](const std::atomic<bool>& cancel) {
    started = true;
    while (!cancel.load()) std::this_thread::sleep_for(milliseconds(1));  // a long purge, batch after batch
    saw_cancel = true;
  });
  ASSERT_TRUE(Eventually([&] { return started.load(); }));
  const auto start = std::chrono::steady_clock::now();
  scheduler.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(500));
  EXPECT_TRUE(saw_cancel.load());
}

}  // namespace
}  // namespace pillarbox::app
