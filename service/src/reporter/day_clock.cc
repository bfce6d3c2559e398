#include "reporter/day_clock.h"

namespace pillarbox::reporter {

int64_t DayClock::NowUnixSeconds() const {
  constexpr int64_t kSecondsPerDay = 86400;
  const int64_t now = clock_.NowUnixSeconds();
  const int64_t remainder = now % kSecondsPerDay;
  return now - (remainder < 0 ? remainder + kSecondsPerDay : remainder);
}

}  // namespace pillarbox::reporter
