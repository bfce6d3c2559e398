// SessionStore: the signed-in reviewers, admins, partners and researchers.
//
// A session is created after a successful login and identified by a bearer
// token of 256 random bits, returned once; tokens are kept only as keyed
// digests (privacy/bearer_token_table.h). Sessions live in memory only:
// they hold the user's unlocked keys, which must never reach disk, so a
// restart signs everyone out. A session ends at its idle timeout, its absolute
// timeout, on Revoke (logout) or RevokeUser (password change, account
// disabled); its keys are wiped when the last holder lets go of it.
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "privacy/bearer_token_table.h"
#include "privacy/bytes.h"

namespace pillarbox::accounts {

// Who is signed in; immutable for the life of the session.
struct SessionIdentity {
  std::string user_id;
  std::string username;
  std::string role;  // admin, reviewer, partner, researcher
};

// A desk's unlocked key pair, for one key version.
struct UnlockedDeskKey {
  std::string desk_id;
  uint32_t key_version = 1;
  privacy::BoxKeyPair key_pair;
};

// The keys a login unlocked: the user's own key pair and the desk keys sealed
// to it. Move-only; wiped when destroyed.
struct UnlockedKeys {
  privacy::BoxKeyPair user_key_pair;
  std::vector<UnlockedDeskKey> desk_keys;
};

struct Session {
  SessionIdentity identity;
  UnlockedKeys keys;
  int64_t created_at = 0;  // unix seconds

  // The unlocked key of `desk_id` at `key_version`, or nullptr when the user
  // is not a member of that desk (or not at that version).
  const privacy::BoxKeyPair* DeskKey(std::string_view desk_id, uint32_t key_version) const;
};

class SessionStore {
 public:
  struct Options {
    int64_t idle_timeout_seconds = 15 * 60;
    int64_t absolute_timeout_seconds = 8 * 60 * 60;
    size_t max_sessions = 10000;
  };

  SessionStore(const Clock& clock, Options options);

  // Starts a session; returns its bearer token (64 lowercase hex digits), to
  // be given to the client once. ResourceExhausted when max_sessions are open
  // (after purging expired ones).
  Result<std::string> Create(SessionIdentity identity, UnlockedKeys keys);

  // The live session of `token`, refreshing its idle timer. Unauthenticated
  // ("invalid or expired session") for an unknown, malformed, revoked or
  // expired token; an expired session is removed.
  Result<std::shared_ptr<const Session>> Authenticate(std::string_view token);

  // Ends the session of `token` (logout). Unknown tokens are ignored.
  void Revoke(std::string_view token);
  // Ends every session of `user_id`; returns how many.
  size_t RevokeUser(std::string_view user_id);
  // Removes expired sessions; returns how many.
  size_t PurgeExpired();
  // Open sessions, expired ones included until purged.
  size_t size() const;
  // How long a session lives at most, in seconds.
  int64_t absolute_timeout_seconds() const { return absolute_timeout_seconds_; }
  // How long a session lives without a request, in seconds.
  int64_t idle_timeout_seconds() const { return idle_timeout_seconds_; }

 private:
  const Clock& clock_;
  const int64_t absolute_timeout_seconds_;
  const int64_t idle_timeout_seconds_;
  privacy::BearerTokenTable<Session> sessions_;
};

}  // namespace pillarbox::accounts
