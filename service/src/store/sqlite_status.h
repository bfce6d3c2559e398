// StatusFromSqlite: the one mapping from SQLite result codes to Status, shared
// by every file in store/. Messages carry SQLite's generic text for the code
// and the code itself, never a bound value. Thread-safe (a pure function).
#pragma once

#include <string_view>

#include "common/status.h"

namespace pillarbox::store {

// Maps a failed SQLite result code `rc` (primary or extended) to a Status:
// SQLITE_CONSTRAINT* -> Conflict; SQLITE_IOERR*, SQLITE_FULL, SQLITE_BUSY*, SQLITE_NOMEM ->
// Unavailable; anything else -> Internal. The message is
// "<context>: <sqlite3_errstr(rc)> (sqlite code <rc>)". Requires a failure code
// (not SQLITE_OK, SQLITE_ROW or SQLITE_DONE).
Status StatusFromSqlite(int rc, std::string_view context);

}  // namespace pillarbox::store
