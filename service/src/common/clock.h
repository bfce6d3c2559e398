// Clock: the only way Pillarbox code learns the time, so tests can move it by
// hand (tests/support/manual_clock.h). Implementations must be thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace pillarbox {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnixSeconds() const = 0;
};

// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  int64_t NowUnixSeconds() const override;
};

// "YYYY-MM-DD" (UTC) of `unix_seconds`. Reports store only this day, never a time.
std::string UtcDay(int64_t unix_seconds);

}  // namespace pillarbox
