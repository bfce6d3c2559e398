// ReaderPool: a fixed set of read connections to the database, lent one at a
// time (SQLite connections are not shared between threads here). WAL mode
// lets readers run alongside the group-commit writer. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

class ReaderPool {
 public:
  // Opens `size` connections to the existing database at `path`.
  static Result<std::unique_ptr<ReaderPool>> Open(const std::string& path, size_t size);

  // A borrowed connection, returned to the pool when destroyed. Move-only.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), db_(std::move(other.db_)) { other.pool_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Database& db() { return *db_; }

   private:
    friend class ReaderPool;
    Lease(ReaderPool* pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    ReaderPool* pool_;
    std::unique_ptr<Database> db_;
  };

  // Waits for a free connection.
  Lease Acquire();

  // A free connection if there is one now, without waiting (a caller that
  // already holds a lease and would use a second one to read in parallel:
  // waiting there could deadlock two such callers).
  std::optional<Lease> TryAcquire();

 private:
  ReaderPool() = default;
  void Release(std::unique_ptr<Database> db);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Database>> free_;
};

}  // namespace pillarbox::store
