#include "accounts/login_backoff.h"

#include <algorithm>

namespace pillarbox::accounts {

LoginBackoff::LoginBackoff(const Clock& clock, Options options) : clock_(clock), options_(options) {}

int64_t LoginBackoff::DelayFor(int64_t count) const {
  const int64_t over = count - options_.free_failures;
  if (over < 0) return 0;
  if (over >= 30) return options_.max_delay_seconds;
  return std::min<int64_t>(int64_t{1} << over, options_.max_delay_seconds);
}

bool LoginBackoff::MayAttempt(std::string_view username) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = failures_.find(username);
  if (found == failures_.end()) return true;
  return clock_.NowUnixSeconds() - found->second.last_at >= DelayFor(found->second.count);
}

void LoginBackoff::RecordFailure(std::string_view username) {
  const int64_t now = clock_.NowUnixSeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  if (failures_.size() >= options_.max_tracked && failures_.find(username) == failures_.end()) {
    const auto stalest = std::min_element(failures_.begin(), failures_.end(), [](const auto& a, const auto& b) {
      return a.second.last_at < b.second.last_at;
    });
    failures_.erase(stalest);
  }
  Failures& entry = failures_[std::string(username)];
  ++entry.count;
  entry.last_at = now;
}

void LoginBackoff::RecordSuccess(std::string_view username) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = failures_.find(username);
  if (found != failures_.end()) failures_.erase(found);
}

}  // namespace pillarbox::accounts
