// Small named values of the meta table (schema/001_initial.sql) that are not
// owned by a more specific module, e.g. the master key version the
// database's keyed data is under. Free functions on a Database;
// thread-compatible (as the Database given).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// The value of meta `key`, or nullopt when it is not set. Unavailable on an
// I/O error.
Result<std::optional<std::string>> LoadMetaValue(Database& db, std::string_view key);

// Sets meta `key` to `value` (inserting or replacing). Unavailable on an I/O error.
Status StoreMetaValue(Database& db, std::string_view key, std::string_view value);

// Removes meta `key` (nothing when it is not set). Unavailable on an I/O error.
Status DeleteMetaValue(Database& db, std::string_view key);

}  // namespace pillarbox::store
