#include "store/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "store/sqlite_status.h"

namespace pillarbox::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

int OpenFlags(OpenMode mode) {
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case OpenMode::kReadWriteCreate:
      return flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case OpenMode::kReadWrite:
      return flags | SQLITE_OPEN_READWRITE;
    case OpenMode::kReadOnly:
      return flags | SQLITE_OPEN_READONLY;
  }
  return flags | SQLITE_OPEN_READONLY;
}

// Every failure of Open() is Unavailable, whatever SQLite's code says.
Status OpenFailure(const Status& status) { return status.ok() ? status : Status::Unavailable(status.message()); }

bool IsBlank(const char* text) {
  return std::all_of(text, text + std::char_traits<char>::length(text),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// Switches to WAL (checking that it took) and sets the other pragmas.
Status SetPragmas(Database& db) {
  static constexpr char kJournalModeSql[] = "PRAGMA journal_mode=WAL";
  PB_ASSIGN_OR_RETURN(Statement * journal, db.Prepare(kJournalModeSql));
  Result<bool> row = journal->Step();
  const std::string journal_mode = (row.ok() && *row) ? journal->ColumnText(0) : std::string();
  journal->Reset();
  if (!row.ok()) return row.status();
  if (journal_mode != "wal") return Status::Unavailable("could not switch the database to WAL mode");

  static constexpr char kPragmasSql[] =
      "PRAGMA synchronous=FULL;"
      "PRAGMA foreign_keys=ON;"
      "PRAGMA secure_delete=ON;"
      "PRAGMA trusted_schema=OFF;";
  return db.Execute(kPragmasSql);
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, OpenMode mode) {
  std::error_code error;
  if (mode != OpenMode::kReadWriteCreate && !std::filesystem::exists(path, error)) {
    return Status::NotFound("database file does not exist");
  }
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, OpenFlags(mode), nullptr);
  std::unique_ptr<Database> db(new Database(handle));  // closes `handle` on every path
  if (rc != SQLITE_OK) return OpenFailure(StatusFromSqlite(rc, "could not open database"));
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  PB_RETURN_IF_ERROR(OpenFailure(SetPragmas(*db)));
  return db;
}

Database::~Database() {
  statements_.clear();  // finalize before closing
  sqlite3_close_v2(db_);
}

Status Database::Execute(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return StatusFromSqlite(rc, "could not execute SQL");
  return Status::Ok();
}

Result<Statement*> Database::Prepare(const char* sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  if (rc != SQLITE_OK) {
    // The diagnostic names SQL objects of the static statement text, never data.
    return Status::Internal(std::string("could not prepare statement: ") + sqlite3_errmsg(db_));
  }
  auto statement = std::make_unique<Statement>(raw);
  if (raw == nullptr) return Status::Internal("could not prepare statement: it is empty");
  if (tail != nullptr && !IsBlank(tail)) {
    return Status::Internal("could not prepare statement: more than one statement");
  }
  Statement* result = statement.get();
  statements_.emplace(sql, std::move(statement));
  return result;
}

bool Database::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

int64_t Database::ChangedRows() const { return sqlite3_changes64(db_); }

Status Database::Checkpoint(CheckpointMode mode) {
  const int sqlite_mode = mode == CheckpointMode::kTruncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE;
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, sqlite_mode, nullptr, nullptr);
  if (rc != SQLITE_OK) return StatusFromSqlite(rc, "could not checkpoint the WAL");
  return Status::Ok();
}

Status Database::DisableAutoCheckpoint() {
  const int rc = sqlite3_wal_autocheckpoint(db_, 0);
  if (rc != SQLITE_OK) return StatusFromSqlite(rc, "could not turn off automatic checkpoints");
  return Status::Ok();
}

}  // namespace pillarbox::store
