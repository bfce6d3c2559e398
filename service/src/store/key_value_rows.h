// Reading and writing one row of a (key TEXT PRIMARY KEY, value TEXT) table:
// meta (store/meta_values.h) and settings (store/settings_repository.h).
// Internal to store/; thread-compatible (as the Database given).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// The value `select_sql` ("SELECT value FROM <table> WHERE key = ?") finds
// for `key`, or nullopt. Unavailable on an I/O error.
Result<std::optional<std::string>> LoadKeyValue(Database& db, const char* select_sql, std::string_view key);

// Runs `upsert_sql` ("INSERT INTO <table> (key, value) VALUES (?, ?) ON
// CONFLICT ...") for `key` and `value`. Unavailable on an I/O error.
Status StoreKeyValue(Database& db, const char* upsert_sql, std::string_view key, std::string_view value);

}  // namespace pillarbox::store
