#include "common/clock.h"

#include <gtest/gtest.h>

namespace pillarbox {
namespace {

TEST(ClockTest, UtcDayIsTheCalendarDayOnly) {
  EXPECT_EQ(UtcDay(0), "1970-01-01");
  EXPECT_EQ(UtcDay(1700000000), "2023-11-14");  // 22:13:20 UTC
  EXPECT_EQ(UtcDay(1709251199), "2024-02-29");  // last second of a leap day
  EXPECT_EQ(UtcDay(1709251200), "2024-03-01");
}

TEST(ClockTest, SystemClockIsCloseToNow) {
  const int64_t now = SystemClock().NowUnixSeconds();
  EXPECT_GT(now, 1700000000);
  EXPECT_LT(now, 4102444800);  // 2100-01-01
}

}  // namespace
}  // namespace pillarbox
