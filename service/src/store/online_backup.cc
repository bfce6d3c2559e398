// Online snapshots and integrity checks (declared in store/online_backup.h).
#include "store/online_backup.h"

#include <sqlite3.h>

#include <memory>

#include "store/migrations.h"
#include "store/sqlite_status.h"

namespace pillarbox::store {
namespace {

// Closes a raw connection on every path.
struct ConnectionCloser {
  void operator()(sqlite3* handle) const { sqlite3_close_v2(handle); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

// Opens the snapshot file without a journal and without fsync (a temporary).
Result<Connection> OpenDestination(const std::string& path) {
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                                 nullptr);
  Connection connection(handle);
  if (rc != SQLITE_OK) return Status::Unavailable(StatusFromSqlite(rc, "could not open the snapshot file").message());
  const int pragmas = sqlite3_exec(handle, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", nullptr, nullptr, nullptr);
  if (pragmas != SQLITE_OK) return StatusFromSqlite(pragmas, "could not configure the snapshot file");
  return connection;
}

// Copies every page, `pages_per_step` at a time, inside the source's open
// read transaction.
Result<SnapshotStats> CopyPages(Database& source, sqlite3* destination, int pages_per_step) {
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source.handle(), "main");
  if (backup == nullptr) {
    return Status::Unavailable(StatusFromSqlite(sqlite3_errcode(destination), "could not start the snapshot").message());
  }
  SnapshotStats stats;
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, pages_per_step);
    ++stats.steps;
  } while (rc == SQLITE_OK);
  stats.pages = sqlite3_backup_pagecount(backup);
  const int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Status::Unavailable(StatusFromSqlite(rc, "snapshot step failed").message());
  if (finish != SQLITE_OK) return Status::Unavailable(StatusFromSqlite(finish, "snapshot failed").message());
  return stats;
}

Result<int64_t> PageSize(Database& db) {
  static constexpr char kPageSizeSql[] = "PRAGMA page_size";
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(kPageSizeSql));
  PB_ASSIGN_OR_RETURN(const bool row, statement->Step());
  const int64_t size = row ? statement->ColumnInt64(0) : 0;
  statement->Reset();
  return size;
}

}  // namespace

Result<SnapshotStats> SnapshotDatabase(const std::string& source_path, const std::string& destination_path,
                                       int pages_per_step) {
  PB_ASSIGN_OR_RETURN(auto source, Database::Open(source_path, OpenMode::kReadOnly));
  // One read transaction for the whole copy: every step reads the same
  // committed state, and the backup is never restarted by serve's commits.
  PB_RETURN_IF_ERROR(source->Execute("BEGIN; SELECT COUNT(*) FROM sqlite_schema;"));
  PB_ASSIGN_OR_RETURN(const int64_t page_bytes, PageSize(*source));
  PB_ASSIGN_OR_RETURN(const int schema_version, SchemaVersion(*source));
  PB_ASSIGN_OR_RETURN(Connection destination, OpenDestination(destination_path));
  Result<SnapshotStats> stats = CopyPages(*source, destination.get(), pages_per_step);
  (void)source->Execute("COMMIT;");
  if (!stats.ok()) return stats.status();
  stats->page_bytes = page_bytes;
  stats->schema_version = schema_version;
  return stats;
}

Status CheckIntegrity(Database& db) {
  static constexpr char kIntegritySql[] = "PRAGMA integrity_check";
  PB_ASSIGN_OR_RETURN(Statement * statement, db.Prepare(kIntegritySql));
  Result<bool> row = statement->Step();
  const std::string first = (row.ok() && *row) ? statement->ColumnText(0) : std::string();
  statement->Reset();
  if (!row.ok()) return Status::Unavailable("integrity check could not run: " + row.status().message());
  if (first != "ok") return Status::DataLoss("integrity: " + first);
  return Status::Ok();
}

}  // namespace pillarbox::store
