// ForEachRow: steps a prepared SELECT through all its rows and always resets
// it afterwards, so a cached statement never keeps a read snapshot open.
// Header-only; as thread-compatible as the Statement it is given.
#pragma once

#include "common/status.h"
#include "store/statement.h"

namespace pillarbox::store {

// Calls `read(statement)` for each row of `statement`, then resets it.
// Returns the first Step() error (after resetting), otherwise Ok.
template <typename ReadRow>
Status ForEachRow(Statement& statement, ReadRow read) {
  for (;;) {
    Result<bool> row = statement.Step();
    if (!row.ok()) {
      statement.Reset();
      return row.status();
    }
    if (!*row) break;
    read(statement);
  }
  statement.Reset();
  return Status::Ok();
}

}  // namespace pillarbox::store
