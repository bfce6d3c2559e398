#include "store/statement.h"

#include <sqlite3.h>

#include "store/sqlite_status.h"

namespace pillarbox::store {

// A failed bind (out of memory, a value over SQLite's size limit) leaves its
// parameter NULL, which a nullable column or a WHERE clause would take
// silently; so Step() refuses to run the statement and returns the bind's
// error instead. An index out of range (SQLITE_RANGE) binds nothing that
// exists and is ignored: queries built from optional filters (e.g. the triage
// queue) bind every parameter whether their SQL uses it or not.

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::BindText(int index, std::string_view value) {
  // A null pointer would bind SQL NULL, so an empty view binds "" explicitly.
  const char* data = value.empty() ? "" : value.data();
  RememberBindFailure(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::BindBlob(int index, std::span<const uint8_t> value) {
  if (value.empty()) {  // sqlite3_bind_blob with no data would bind NULL
    RememberBindFailure(sqlite3_bind_zeroblob(stmt_, index, 0));
    return;
  }
  RememberBindFailure(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT));
}

void Statement::BindInt64(int index, int64_t value) { RememberBindFailure(sqlite3_bind_int64(stmt_, index, value)); }

void Statement::BindNull(int index) { RememberBindFailure(sqlite3_bind_null(stmt_, index)); }

void Statement::RememberBindFailure(int rc) {
  if (rc != SQLITE_OK && rc != SQLITE_RANGE && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) return StatusFromSqlite(bind_error_, "could not bind a parameter");
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StatusFromSqlite(rc, "statement failed");
}

Status Statement::Run() {
  Result<bool> row = Step();
  Reset();
  if (!row.ok()) return row.status();
  if (*row) return Status::Internal("statement returned a row where none was expected");
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

std::string Statement::ColumnText(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::ColumnTextView(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::vector<uint8_t> Statement::ColumnBlob(int column) const {
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, column));
  if (data == nullptr) return {};  // NULL or a zero-length blob
  return std::vector<uint8_t>(data, data + sqlite3_column_bytes(stmt_, column));
}

int64_t Statement::ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::ColumnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

}  // namespace pillarbox::store
