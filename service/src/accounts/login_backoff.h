// LoginBackoff: per-account slow-down after failed logins, keyed by the
// username as typed (so unknown names behave exactly like real ones), never
// by network address. After `free_failures` consecutive failures each further
// attempt must wait 2^(n - free_failures) seconds, capped at `max_delay`, so a
// guesser is slowed while a real user is never locked out for longer than
// the cap. Success clears the count. Memory is bounded: at most
// `max_tracked` names, the stalest forgotten first. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace pillarbox::accounts {

class LoginBackoff {
 public:
  struct Options {
    int64_t free_failures = 5;
    int64_t max_delay_seconds = 60;
    size_t max_tracked = 100000;
  };

  LoginBackoff(const Clock& clock, Options options);

  // True when `username` may try now (not inside its waiting time).
  bool MayAttempt(std::string_view username) const;
  // Counts a failed attempt.
  void RecordFailure(std::string_view username);
  // Clears the count after a success.
  void RecordSuccess(std::string_view username);

 private:
  struct Failures {
    int64_t count = 0;
    int64_t last_at = 0;
  };
  int64_t DelayFor(int64_t count) const;

  const Clock& clock_;
  const Options options_;
  mutable std::mutex mutex_;
  std::map<std::string, Failures, std::less<>> failures_;
};

}  // namespace pillarbox::accounts
