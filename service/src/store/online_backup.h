// Online snapshots of a live database with SQLite's backup API
// (sqlite3_backup_init/step/finish), for `pillarbox backup`. The snapshot is
// taken inside one read transaction on its own connection: in WAL mode that
// never blocks the writer, and every page comes from the same committed
// state however many commits `serve` makes meanwhile. Thread-safe (each call
// opens its own connections).
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

inline constexpr int kSnapshotPagesPerStep = 1024;

struct SnapshotStats {
  int64_t pages = 0;       // pages copied (the snapshot's page count)
  int64_t page_bytes = 0;  // the page size
  int64_t steps = 0;       // sqlite3_backup_step calls
  int schema_version = 0;  // meta(schema_version) of the snapshot (0: none)
};

// Copies a consistent snapshot of the database at `source_path` into
// `destination_path` (an empty or not yet existing file the caller owns),
// `pages_per_step` pages per step. The destination is written without a
// journal and without fsync: it is a temporary file the caller encrypts and
// then deletes. NotFound when the source does not exist; Unavailable (with
// SQLite's text, never data) when a step fails.
Result<SnapshotStats> SnapshotDatabase(const std::string& source_path, const std::string& destination_path,
                                       int pages_per_step = kSnapshotPagesPerStep);

// Runs PRAGMA integrity_check on `db`. DataLoss naming SQLite's first
// complaint when the database is damaged (a damaged page or index, never a
// row's content); Unavailable when the check cannot run.
Status CheckIntegrity(Database& db);

}  // namespace pillarbox::store
