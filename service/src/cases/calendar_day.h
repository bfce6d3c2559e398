// Calendar days as Pillarbox stores them: "YYYY-MM-DD" (UTC, proleptic
// Gregorian). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pillarbox::cases {

// True when `text` is exactly YYYY-MM-DD and names a real day (no 2025-02-30).
bool IsCalendarDay(std::string_view text);

// The day `days` days after `day` (before when negative). Requires IsCalendarDay(day).
std::string AddDays(std::string_view day, int days);

}  // namespace pillarbox::cases
