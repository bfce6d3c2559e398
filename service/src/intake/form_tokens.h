// FormTokens: single-use tokens handed out with each reporter form (anti-abuse
// and CSRF protection for the server-rendered pages). A token is accepted
// once, only after `min_age_seconds` since it was issued (a person reads and
// fills a form; a script posting at once is refused) and before
// `max_age_seconds`, and only for the purpose it was issued for (e.g.
// "report:voice_cloning"). Tokens live in memory only, at most `max_tokens`
// at once (the oldest is dropped first), and are tied to nothing about the
// client: no address, no cookie, no device. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.h"
#include "common/status.h"

namespace pillarbox::intake {

class FormTokens {
 public:
  struct Options {
    int64_t min_age_seconds = 3;        // a form sent sooner is refused
    int64_t max_age_seconds = 2 * 3600;  // a form open longer is refused
    size_t max_tokens = 100000;         // about 10 MB; the oldest go first
  };

  FormTokens(const Clock& clock, Options options);

  // A fresh token for a form of `purpose` (32 lowercase hex digits).
  std::string Issue(std::string_view purpose);

  // How Redeem treats a token's age: forms a person fills in must have been
  // open min_age_seconds; a confirmation button (CSRF protection only) not.
  enum class Pace { kFilledIn, kConfirmation };

  // Uses up `token` for `purpose`. OK once; otherwise InvalidArgument naming
  // "form_token" ("form expired or already used" for an unknown, used,
  // expired or other-purpose token, "form sent too quickly" for a kFilledIn
  // token younger than min_age_seconds; a too-early token is used up too, so
  // a script cannot retry it).
  Status Redeem(std::string_view token, std::string_view purpose, Pace pace = Pace::kFilledIn);

  // Tokens held now (expired ones included until they are dropped).
  size_t size() const;

 private:
  struct Issued {
    std::string purpose;
    int64_t issued_at = 0;
    uint64_t sequence = 0;  // key into by_age_
  };

  void DropExpiredLocked(int64_t now);
  void EraseLocked(std::unordered_map<std::string, Issued>::iterator it);

  const Clock& clock_;
  const Options options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Issued> by_token_;
  std::map<uint64_t, std::string> by_age_;  // issue order -> token
  uint64_t next_sequence_ = 0;
};

}  // namespace pillarbox::intake
