// DeskKeyOf: a desk's private key for one key version, as the signed-in user
// can unlock it. Sessions hold the desk keys unlocked at login; when a desk's
// key was rotated after that (a member was removed), the newer version is
// unsealed on demand from desk_members with the session's own key pair, so a
// reviewer who stays signed in keeps reading new reports.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::accounts {

// The key of `desk_id` at `key_version` for `session`'s user, a copy in its
// own protected memory. NotFound when the user holds no such key (not a
// member, or removed before that version); DataLoss when a stored sealed key
// does not open with the user's key pair. Reads `db` only on a session miss.
Result<privacy::BoxKeyPair> DeskKeyOf(const Session& session, store::Database& db, std::string_view desk_id,
                                      uint32_t key_version);

// Every key version of `desk_id` the user holds, unsealed from desk_members
// (oldest first). Empty when the user is not a member.
Result<std::vector<UnlockedDeskKey>> AllDeskKeysOf(const Session& session, store::Database& db,
                                                   std::string_view desk_id);

}  // namespace pillarbox::accounts
