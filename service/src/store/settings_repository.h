// Instance settings (the `settings` table): small named values an admin can
// change, e.g. "deadline.acknowledge_days". Free functions on a Database.
// Thread-compatible (as the Database they are given).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// The value of setting `key`, or nullopt when it is not set.
Result<std::optional<std::string>> LoadSetting(Database& db, std::string_view key);

// Sets `key` to `value` (inserting or replacing). Unavailable on an I/O error.
Status StoreSetting(Database& db, std::string_view key, std::string_view value);

}  // namespace pillarbox::store
