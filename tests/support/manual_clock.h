// ManualClock: a Clock that only moves when a test moves it. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>

#include "common/clock.h"

namespace pillarbox::testing {

class ManualClock final : public Clock {
 public:
  // Starts at `unix_seconds` (2024-06-15 12:00:00 UTC by default).
  explicit ManualClock(int64_t unix_seconds = 1718452800) : now_(unix_seconds) {}

  int64_t NowUnixSeconds() const override { return now_.load(); }
  // Sets the time to `unix_seconds`.
  void Set(int64_t unix_seconds) { now_.store(unix_seconds); }
  // Moves the time by `seconds` (may be negative).
  void Advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace pillarbox::testing
