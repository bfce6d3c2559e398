// RotateDeskKey: the one place a desk gets a new key version. Used by member
// removal (accounts/desk_membership.h) and by the key rotation job
// (accounts/desk_key_rotation_job.h).
#pragma once

#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "intake/desk_directory.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::accounts {

// Makes a new key pair the current key of `desk_id` (version + 1, recorded in
// desk_key_versions), seals its secret key to every enabled member of the
// desk (desk_members) and appends "desk.key.rotated" (detail
// "key_version=<n>;members=<m>") by `actor_user_id`; returns the new public
// key for the intake directory (install it only after the commit). The old
// versions stay as they are: records sealed to them are re-sealed by the job.
// NotFound when the desk does not exist; Conflict when it has no enabled
// member (the new key would be sealed to nobody) or its version changed
// meanwhile. For writer operations (runs on `db` inside the caller's savepoint).
Result<intake::DeskKey> RotateDeskKey(store::Database& db, const std::string& actor_user_id,
                                      const std::string& desk_id, const privacy::SecretKey& audit_key,
                                      const Clock& clock);

}  // namespace pillarbox::accounts
