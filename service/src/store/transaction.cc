#include "store/transaction.h"

#include <sqlite3.h>

#include "store/database.h"

namespace pillarbox::store {

Transaction::~Transaction() {
  if (!active_) return;
  // SQLite may already have rolled back on its own (e.g. after an I/O error).
  if (sqlite3_get_autocommit(db_.handle()) != 0) return;
  static constexpr char kRollbackSql[] = "ROLLBACK";
  Result<Statement*> rollback = db_.Prepare(kRollbackSql);
  if (rollback.ok()) (*rollback)->Run().ok();  // nothing more can be done on failure
}

Status Transaction::Begin() {
  if (active_) return Status::Internal("transaction already begun");
  static constexpr char kBeginSql[] = "BEGIN IMMEDIATE";
  PB_ASSIGN_OR_RETURN(Statement * begin, db_.Prepare(kBeginSql));
  PB_RETURN_IF_ERROR(begin->Run());
  active_ = true;
  return Status::Ok();
}

Status Transaction::Commit() {
  if (!active_) return Status::Internal("commit without an active transaction");
  static constexpr char kCommitSql[] = "COMMIT";
  PB_ASSIGN_OR_RETURN(Statement * commit, db_.Prepare(kCommitSql));
  PB_RETURN_IF_ERROR(commit->Run());
  active_ = false;
  return Status::Ok();
}

}  // namespace pillarbox::store
