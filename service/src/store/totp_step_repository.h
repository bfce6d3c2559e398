// The last TOTP time step each account used (table totp_steps). Free
// functions on a Database; not thread-safe beyond what Database is.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// The last step `user_id` used, or 0 when it never logged in.
Result<int64_t> LastTotpStep(Database& db, std::string_view user_id);

// Records that `user_id` used `step`. Conflict ("code already used") when a
// step at or after `step` is already recorded, so that two logins racing with
// the same code cannot both succeed.
Status RecordTotpStep(Database& db, std::string_view user_id, int64_t step);

}  // namespace pillarbox::store
