#include "accounts/session_store.h"

#include <algorithm>

#include "privacy/keyed_hash.h"

namespace pillarbox::accounts {
namespace {

constexpr size_t kTokenBytes = 32;

Status InvalidSession() { return Status::Unauthenticated("invalid or expired session"); }

bool WellFormedToken(std::string_view token) {
  return token.size() == kTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

const privacy::BoxKeyPair* Session::DeskKey(std::string_view desk_id, uint32_t key_version) const {
  for (const UnlockedDeskKey& desk_key : keys.desk_keys) {
    if (desk_key.desk_id == desk_id && desk_key.key_version == key_version) return &desk_key.key_pair;
  }
  return nullptr;
}

SessionStore::SessionStore(const Clock& clock, Options options)
    : clock_(clock), options_(options), digest_key_(privacy::SecretKey::Random()) {}

std::string SessionStore::TokenDigest(std::string_view token) const {
  return privacy::ToHex(privacy::KeyedBlake2b256(digest_key_, privacy::AsBytes(token)));
}

bool SessionStore::Expired(const Entry& entry, int64_t now) const {
  return now - entry.last_seen >= options_.idle_timeout_seconds ||
         now - entry.session->created_at >= options_.absolute_timeout_seconds;
}

size_t SessionStore::PurgeExpiredLocked(int64_t now) {
  return std::erase_if(sessions_, [&](const auto& item) { return Expired(item.second, now); });
}

Result<std::string> SessionStore::Create(SessionIdentity identity, UnlockedKeys keys) {
  const int64_t now = clock_.NowUnixSeconds();
  auto session = std::make_shared<Session>(Session{std::move(identity), std::move(keys), now});
  const std::string token = privacy::ToHex(privacy::RandomBytes(kTokenBytes));
  std::lock_guard<std::mutex> lock(mutex_);
  if (sessions_.size() >= options_.max_sessions && PurgeExpiredLocked(now) == 0) {
    return Status::ResourceExhausted("too many open sessions");
  }
  sessions_[TokenDigest(token)] = Entry{std::move(session), now};
  return token;
}

Result<std::shared_ptr<const Session>> SessionStore::Authenticate(std::string_view token) {
  if (!WellFormedToken(token)) return InvalidSession();
  const std::string digest = TokenDigest(token);
  const int64_t now = clock_.NowUnixSeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = sessions_.find(digest);
  if (found == sessions_.end()) return InvalidSession();
  if (Expired(found->second, now)) {
    sessions_.erase(found);
    return InvalidSession();
  }
  found->second.last_seen = now;
  return found->second.session;
}

void SessionStore::Revoke(std::string_view token) {
  if (!WellFormedToken(token)) return;
  const std::string digest = TokenDigest(token);
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(digest);
}

size_t SessionStore::RevokeUser(std::string_view user_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::erase_if(sessions_,
                       [&](const auto& item) { return item.second.session->identity.user_id == user_id; });
}

size_t SessionStore::PurgeExpired() {
  const int64_t now = clock_.NowUnixSeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  return PurgeExpiredLocked(now);
}

size_t SessionStore::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

}  // namespace pillarbox::accounts
