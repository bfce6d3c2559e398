// Savepoint: a nestable unit of atomic work. Inside a transaction it marks a
// point to roll back to; outside one it is a (deferred) transaction of its own.
// So code that must be all-or-nothing works both alone and inside a batch of
// the GroupCommitWriter. Rolls back in its destructor unless Release()d.
// Not thread-safe (like the Database it works on).
#pragma once

#include "common/status.h"

namespace pillarbox::store {

class Database;

class Savepoint {
 public:
  explicit Savepoint(Database& db) : db_(db) {}
  // Rolls back to the savepoint and releases it, unless Release() succeeded.
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  // Opens the savepoint. Internal when already open.
  Status Begin();
  // Keeps the work done since Begin() (commits it when this savepoint is the
  // outermost). On failure the destructor rolls the work back.
  Status Release();

 private:
  Database& db_;
  bool active_ = false;
};

}  // namespace pillarbox::store
