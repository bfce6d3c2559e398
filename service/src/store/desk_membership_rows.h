// Changes to who belongs to a desk, at the row level: removing a member's
// sealed keys, installing a rotated desk key version, and the roster of each
// desk (members with their names, for admins). The key material itself is
// made in accounts/desk_membership.h. Functions, not a class: each takes the
// Database to use. Thread-compatible (as that Database).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::store {

// Deletes every sealed key of `desk_id` held by `user_id` (all versions);
// returns how many rows went. 0 when the user was not a member.
Result<int64_t> DeleteDeskMemberships(Database& db, std::string_view desk_id, std::string_view user_id);

// Makes `public_key` the desk's current key at `key_version`, recording it in
// desk_key_versions too. NotFound when the desk does not exist; Conflict
// unless `key_version` is exactly one above the desk's current version.
Status InstallDeskKeyVersion(Database& db, std::string_view desk_id, uint32_t key_version,
                             const privacy::BoxPublicKey& public_key);

// One member of a desk (whatever the number of key versions they hold).
struct DeskRosterEntry {
  std::string desk_id;
  std::string user_id;
  std::string username;
  std::string role;
  bool disabled = false;
  bool operator==(const DeskRosterEntry&) const = default;
};

// The distinct members of every desk, ordered by desk id then username.
Result<std::vector<DeskRosterEntry>> ListDeskRosters(Database& db);

// The ids of the enabled members of `desk_id` with their public keys, ordered
// by user id. DataLoss when a stored public key is malformed.
struct DeskMemberKey {
  std::string user_id;
  privacy::BoxPublicKey public_key;
};
Result<std::vector<DeskMemberKey>> ListEnabledMemberKeys(Database& db, std::string_view desk_id);

}  // namespace pillarbox::store
