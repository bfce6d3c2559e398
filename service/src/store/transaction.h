// Transaction: BEGIN IMMEDIATE on construction via Begin(); rolls back in its
// destructor unless Commit() succeeded. Not thread-safe.
#pragma once

#include "common/status.h"

namespace pillarbox::store {

class Database;

class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Starts the transaction (BEGIN IMMEDIATE).
  Status Begin();
  // Commits; on failure the transaction is rolled back by the destructor.
  Status Commit();

 private:
  Database& db_;
  bool active_ = false;
};

}  // namespace pillarbox::store
