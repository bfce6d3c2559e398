#include "store/sqlite_status.h"

#include <sqlite3.h>

#include <string>

namespace pillarbox::store {

Status StatusFromSqlite(int rc, std::string_view context) {
  std::string message = std::string(context) + ": " + sqlite3_errstr(rc) + " (sqlite code " + std::to_string(rc) + ")";
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return Status::Conflict(std::move(message));
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_BUSY:
    case SQLITE_NOMEM:  // memory pressure passes: the client may retry
      return Status::Unavailable(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

}  // namespace pillarbox::store
