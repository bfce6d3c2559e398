#include "accounts/session_store.h"

namespace pillarbox::accounts {

const privacy::BoxKeyPair* Session::DeskKey(std::string_view desk_id, uint32_t key_version) const {
  for (const UnlockedDeskKey& desk_key : keys.desk_keys) {
    if (desk_key.desk_id == desk_id && desk_key.key_version == key_version) return &desk_key.key_pair;
  }
  return nullptr;
}

SessionStore::SessionStore(const Clock& clock, Options options)
    : clock_(clock),
      absolute_timeout_seconds_(options.absolute_timeout_seconds),
      idle_timeout_seconds_(options.idle_timeout_seconds),
      sessions_({options.idle_timeout_seconds, options.absolute_timeout_seconds, options.max_sessions}) {}

Result<std::string> SessionStore::Create(SessionIdentity identity, UnlockedKeys keys) {
  const int64_t now = clock_.NowUnixSeconds();
  return sessions_.Insert(std::make_shared<Session>(Session{std::move(identity), std::move(keys), now}), now);
}

Result<std::shared_ptr<const Session>> SessionStore::Authenticate(std::string_view token) {
  return sessions_.Find(token, clock_.NowUnixSeconds());
}

void SessionStore::Revoke(std::string_view token) { sessions_.Erase(token); }

size_t SessionStore::RevokeUser(std::string_view user_id) {
  return sessions_.EraseIf([&](const Session& session) { return session.identity.user_id == user_id; });
}

size_t SessionStore::PurgeExpired() { return sessions_.PurgeExpired(clock_.NowUnixSeconds()); }

size_t SessionStore::size() const { return sessions_.size(); }

}  // namespace pillarbox::accounts
