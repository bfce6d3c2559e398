#include "intake/submission_quota.h"

#include <algorithm>

namespace pillarbox::intake {
namespace {

constexpr int64_t kSlot = 60;  // sixtieths per slot

int64_t PerSecond(const SubmissionQuota::Options& options) { return std::max<int64_t>(options.per_minute, 1); }

int64_t Capacity(const SubmissionQuota::Options& options) { return std::max<int64_t>(options.burst, 1) * kSlot; }

// The saved-up sixtieths after `elapsed` more seconds.
int64_t Refilled(const SubmissionQuota::Options& options, int64_t sixtieths, int64_t elapsed) {
  if (elapsed <= 0) return sixtieths;  // a clock that went backwards refills nothing
  const int64_t capacity = Capacity(options);
  // Saturating: a long quiet spell only fills up to the burst.
  if (elapsed >= (capacity + PerSecond(options) - 1) / PerSecond(options)) return capacity;
  return std::min(capacity, sixtieths + elapsed * PerSecond(options));
}

}  // namespace

SubmissionQuota::SubmissionQuota(const Clock& clock, Options options)
    : clock_(clock), options_(options), sixtieths_(Capacity(options)), last_refill_(clock.NowUnixSeconds()) {}

Status SubmissionQuota::Admit() {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = clock_.NowUnixSeconds();
  if (now > last_refill_) {
    sixtieths_ = Refilled(options_, sixtieths_, now - last_refill_);
    last_refill_ = now;
  }
  if (sixtieths_ < kSlot) return Status::ResourceExhausted("too many submissions right now; try again shortly");
  sixtieths_ -= kSlot;
  return Status::Ok();
}

int SubmissionQuota::RetryAfterSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t available = Refilled(options_, sixtieths_, clock_.NowUnixSeconds() - last_refill_);
  if (available >= kSlot) return 1;
  const int64_t wait = (kSlot - available + PerSecond(options_) - 1) / PerSecond(options_);
  return static_cast<int>(std::clamp<int64_t>(wait, 1, 3600));
}

}  // namespace pillarbox::intake
