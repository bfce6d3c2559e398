// Database: one SQLite connection with Pillarbox's pragmas, and a cache of
// prepared statements. Only store/ includes sqlite3.h.
//
// Thread-compatible: one thread at a time per Database (the writer owns its
// own; each reader opens another).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/statement.h"

struct sqlite3;

namespace pillarbox::store {

enum class OpenMode {
  kReadWriteCreate,  // create the file if missing
  kReadWrite,        // NotFound if missing
  kReadOnly,
};

// Checkpoint modes (sqlite3_wal_checkpoint_v2): PASSIVE copies what it can
// without waiting; TRUNCATE waits for writers and readers, copies everything
// and truncates the WAL to zero bytes.
enum class CheckpointMode { kPassive, kTruncate };

class Database {
 public:
  // Opens `path` and applies: journal_mode=WAL, synchronous=FULL,
  // foreign_keys=ON, secure_delete=ON, trusted_schema=OFF, busy_timeout=5000.
  // Unavailable with SQLite's error text (never data) when it cannot.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, OpenMode mode);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that take no parameters.
  Status Execute(std::string_view sql);

  // Returns the cached prepared statement for `sql` (prepared on first use;
  // keyed by the pointer, so pass a static constexpr string), reset and with
  // bindings cleared. The pointer stays valid for the life of the Database.
  // Internal when the SQL does not compile.
  Result<Statement*> Prepare(const char* sql);

  // True while a transaction (BEGIN or an outermost SAVEPOINT) is open on this
  // connection.
  bool InTransaction() const;

  // Rows changed by the last INSERT/UPDATE/DELETE.
  int64_t ChangedRows() const;
  // Runs a WAL checkpoint in `mode`. Used by WalCheckpointer and after
  // crypto-shredding deletes.
  Status Checkpoint(CheckpointMode mode = CheckpointMode::kPassive);
  // Turns off SQLite's automatic checkpoints on this connection (the
  // group-commit writer's; WalCheckpointer does them instead).
  Status DisableAutoCheckpoint();

  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<const char*, std::unique_ptr<Statement>> statements_;
};

}  // namespace pillarbox::store
