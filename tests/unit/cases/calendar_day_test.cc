#include "cases/calendar_day.h"

#include <gtest/gtest.h>

namespace pillarbox::cases {
namespace {

TEST(CalendarDayTest, AcceptsRealDaysOnly) {
  EXPECT_TRUE(IsCalendarDay("2024-02-29"));
  EXPECT_FALSE(IsCalendarDay("2023-02-29"));
  EXPECT_FALSE(IsCalendarDay("2024-13-01"));
  EXPECT_FALSE(IsCalendarDay("2024-04-31"));
  EXPECT_FALSE(IsCalendarDay("2024-4-01"));
  EXPECT_FALSE(IsCalendarDay("2024-04-01x"));
  EXPECT_FALSE(IsCalendarDay("２024-04-01"));
}

TEST(CalendarDayTest, AddsAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2024-02-29", 1), "2024-03-01");
  EXPECT_EQ(AddDays("2023-12-25", 7), "2024-01-01");
  EXPECT_EQ(AddDays("2024-01-01", -1), "2023-12-31");
  EXPECT_EQ(AddDays("2024-01-01", 90), "2024-03-31");
  EXPECT_EQ(AddDays("2000-03-01", -1), "2000-02-29");
}

}  // namespace
}  // namespace pillarbox::cases
