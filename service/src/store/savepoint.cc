#include "store/savepoint.h"

#include <sqlite3.h>

#include "store/database.h"

namespace pillarbox::store {

// Every Savepoint has the same name: SQLite resolves a name to the innermost
// savepoint that has it, and Savepoints are strictly nested (scoped objects).
static constexpr char kSavepointSql[] = "SAVEPOINT pillarbox_savepoint";
static constexpr char kRollbackToSql[] = "ROLLBACK TO pillarbox_savepoint";
static constexpr char kReleaseSql[] = "RELEASE pillarbox_savepoint";

Savepoint::~Savepoint() {
  if (!active_) return;
  // After an error that made SQLite roll back the whole transaction the
  // savepoint no longer exists; then there is nothing to undo.
  if (sqlite3_get_autocommit(db_.handle()) != 0) return;
  for (const char* sql : {kRollbackToSql, kReleaseSql}) {
    Result<Statement*> statement = db_.Prepare(sql);
    if (statement.ok()) (*statement)->Run().ok();  // nothing more can be done on failure
  }
}

Status Savepoint::Begin() {
  if (active_) return Status::Internal("savepoint already begun");
  PB_ASSIGN_OR_RETURN(Statement * savepoint, db_.Prepare(kSavepointSql));
  PB_RETURN_IF_ERROR(savepoint->Run());
  active_ = true;
  return Status::Ok();
}

Status Savepoint::Release() {
  if (!active_) return Status::Internal("release without an open savepoint");
  PB_ASSIGN_OR_RETURN(Statement * release, db_.Prepare(kReleaseSql));
  PB_RETURN_IF_ERROR(release->Run());
  active_ = false;
  return Status::Ok();
}

}  // namespace pillarbox::store
