// Statement: a prepared SQLite statement with typed binds and columns.
// Indices: binds start at 1, columns at 0 (as in SQLite). Obtained from
// Database::Prepare; not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

struct sqlite3_stmt;

namespace pillarbox::store {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds copy their argument (SQLITE_TRANSIENT). A bind that fails (out of
  // memory, a value over SQLite's size limit) is remembered: the next Step()
  // or Run() returns its error (Unavailable when out of memory, Internal
  // otherwise) without running the statement, so a parameter is never left
  // NULL by accident. Binding an index the SQL does not have is a no-op.
  void BindText(int index, std::string_view value);
  void BindBlob(int index, std::span<const uint8_t> value);
  void BindInt64(int index, int64_t value);
  void BindNull(int index);
  // Type traps deleted at compile time (as in Chromium's sql::Statement).
  void BindInt64(int index, bool value) = delete;
  void BindText(int index, const char* value) { BindText(index, std::string_view(value)); }

  // Advances: true when a row is available, false when done; Unavailable on an
  // I/O error, Conflict on a constraint violation, Internal otherwise.
  Result<bool> Step();
  // Step() for statements that return no rows; a row is an error.
  Status Run();
  // Resets for reuse, clears bindings and a remembered bind failure.
  void Reset();

  std::string ColumnText(int column) const;
  // The text of `column` without a copy: valid until the next Step(),
  // Reset() or column access of another type on this column.
  std::string_view ColumnTextView(int column) const;
  std::vector<uint8_t> ColumnBlob(int column) const;
  int64_t ColumnInt64(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  void RememberBindFailure(int rc);

  sqlite3_stmt* stmt_;
  int bind_error_ = 0;  // the first failed bind's SQLite code since Reset(); 0 (SQLITE_OK) when none
};

}  // namespace pillarbox::store
