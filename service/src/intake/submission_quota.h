// SubmissionQuota: a global cap on how fast new reports are accepted (all
// clients together, through the JSON API and the reporter pages), so a flood
// cannot fill the disk or the review queue. A token bucket: `per_minute`
// tokens a minute, at most `burst` saved up. Keyed by nothing: no address,
// no client, no counter that could tell reporters apart. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>

#include "common/clock.h"
#include "common/status.h"

namespace pillarbox::intake {

class SubmissionQuota {
 public:
  struct Options {
    int64_t per_minute = 120;  // sustained submissions per minute
    int64_t burst = 60;        // submissions accepted at once after a quiet spell
  };

  SubmissionQuota(const Clock& clock, Options options);

  // Takes one submission slot: OK, or ResourceExhausted ("too many
  // submissions right now; try again shortly") when the bucket is empty; the
  // caller answers 503 with Retry-After: RetryAfterSeconds().
  Status Admit();

  // Whole seconds until the next slot frees up (at least 1).
  int RetryAfterSeconds() const;

 private:
  const Clock& clock_;
  const Options options_;
  mutable std::mutex mutex_;
  // Saved-up slots in sixtieths (one second adds per_minute of them, one
  // slot costs 60): whole numbers, so no rounding drift.
  int64_t sixtieths_;
  int64_t last_refill_ = 0;  // clock seconds of the last refill
};

}  // namespace pillarbox::intake
