// BearerTokenTable<Value>: values reached by a random bearer token, with idle
// and absolute expiry and a size cap: the shape of every session Pillarbox
// keeps in memory (staff sessions in accounts/session_store.h, reporter
// sessions in intake/reporter_sessions.h).
//
// A token is 256 random bits as 64 lowercase hex digits, returned once by
// Insert. The table keeps only a keyed BLAKE2b of each token under a key that
// is random per table, so a memory or core dump of the table yields no usable
// token. Times are unix seconds passed in by the caller (its Clock).
// Thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/keyed_hash.h"

namespace pillarbox::privacy {

inline constexpr size_t kBearerTokenBytes = 32;

// True when `token` has the shape Insert gives (64 lowercase hex digits).
inline bool WellFormedBearerToken(std::string_view token) {
  return token.size() == kBearerTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

template <typename Value>
class BearerTokenTable {
 public:
  struct Options {
    int64_t idle_timeout_seconds = 15 * 60;
    int64_t absolute_timeout_seconds = 8 * 60 * 60;
    size_t max_entries = 10000;
  };

  explicit BearerTokenTable(Options options) : options_(options), digest_key_(SecretKey::Random()) {}

  // Stores `value` created at `now`; returns its new token.
  // ResourceExhausted ("too many open sessions") when max_entries are held
  // even after purging expired ones.
  Result<std::string> Insert(std::shared_ptr<const Value> value, int64_t now) {
    const std::string token = ToHex(RandomBytes(kBearerTokenBytes));
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= options_.max_entries && PurgeExpiredLocked(now) == 0) {
      return Status::ResourceExhausted("too many open sessions");
    }
    entries_[Digest(token)] = Entry{std::move(value), now, now};
    return token;
  }

  // The value of `token`, refreshing its idle timer. Unauthenticated
  // ("invalid or expired session") for a malformed, unknown, erased or
  // expired token; an expired entry is removed.
  Result<std::shared_ptr<const Value>> Find(std::string_view token, int64_t now) {
    if (!WellFormedBearerToken(token)) return Invalid();
    const std::string digest = Digest(token);
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = entries_.find(digest);
    if (found == entries_.end()) return Invalid();
    if (Expired(found->second, now)) {
      entries_.erase(found);
      return Invalid();
    }
    found->second.last_seen = now;
    return found->second.value;
  }

  // Removes the entry of `token`; unknown or malformed tokens are ignored.
  void Erase(std::string_view token) {
    if (!WellFormedBearerToken(token)) return;
    const std::string digest = Digest(token);
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.erase(digest);
  }

  // Removes every entry whose value satisfies `predicate`; returns how many.
  template <typename Predicate>
  size_t EraseIf(Predicate predicate) {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::erase_if(entries_, [&](const auto& item) { return predicate(*item.second.value); });
  }

  // Removes expired entries; returns how many.
  size_t PurgeExpired(int64_t now) {
    std::lock_guard<std::mutex> lock(mutex_);
    return PurgeExpiredLocked(now);
  }

  // Entries held, expired ones included until purged.
  size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
  }

  const Options& options() const { return options_; }

 private:
  struct Entry {
    std::shared_ptr<const Value> value;
    int64_t created_at = 0;
    int64_t last_seen = 0;
  };

  static Status Invalid() { return Status::Unauthenticated("invalid or expired session"); }

  std::string Digest(std::string_view token) const { return ToHex(KeyedBlake2b256(digest_key_, AsBytes(token))); }

  bool Expired(const Entry& entry, int64_t now) const {
    return now - entry.last_seen >= options_.idle_timeout_seconds ||
           now - entry.created_at >= options_.absolute_timeout_seconds;
  }

  size_t PurgeExpiredLocked(int64_t now) {
    return std::erase_if(entries_, [&](const auto& item) { return Expired(item.second, now); });
  }

  const Options options_;
  const SecretKey digest_key_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // keyed by Digest(token)
};

}  // namespace pillarbox::privacy
