#include "cases/calendar_day.h"

#include <cstdint>
#include <cstdio>

namespace pillarbox::cases {
namespace {

struct Civil {
  int year = 0;
  int month = 0;
  int day = 0;
};

bool ParseCivil(std::string_view text, Civil& civil) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int values[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (size_t i = starts[part]; i < starts[part] + lengths[part]; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      values[part] = values[part] * 10 + (text[i] - '0');
    }
  }
  civil = {values[0], values[1], values[2]};
  return true;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(Civil c) {
  const int64_t y = c.month <= 2 ? c.year - 1 : c.year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (c.month > 2 ? c.month - 3 : c.month + 9) + 2) / 5 + c.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

}  // namespace

bool IsCalendarDay(std::string_view text) {
  Civil civil;
  if (!ParseCivil(text, civil)) return false;
  return civil.month >= 1 && civil.month <= 12 && civil.day >= 1 && civil.day <= DaysInMonth(civil.year, civil.month);
}

std::string AddDays(std::string_view day, int days) {
  Civil civil;
  ParseCivil(day, civil);
  const Civil moved = CivilFromDays(DaysFromCivil(civil) + days);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", moved.year, moved.month, moved.day);
  return text;
}

}  // namespace pillarbox::cases
