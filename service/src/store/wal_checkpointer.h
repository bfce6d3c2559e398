// WalCheckpointer: copies committed WAL frames back into the database file on
// its own thread and connection, so the group-commit writer never stalls on
// a checkpoint (measured in docs/BENCHMARKS.md). The writer's connection must
// have automatic checkpoints turned off (Database::DisableAutoCheckpoint).
//
// Runs PASSIVE checkpoints every `interval` (they never block the writer or
// readers); Stop() runs a final TRUNCATE checkpoint so a cleanly stopped
// instance leaves an empty WAL. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

class WalCheckpointer {
 public:
  // Starts the thread, which owns `db` (a connection of its own).
  WalCheckpointer(std::unique_ptr<Database> db, std::chrono::milliseconds interval);
  // Stop()s.
  ~WalCheckpointer();

  // Stops the thread, then checkpoints everything and truncates the WAL
  // (call after the writer has stopped). Idempotent; returns the outcome of
  // the final checkpoint.
  Status Stop();

  // Runs a TRUNCATE checkpoint now on the checkpointer's connection (e.g.
  // after a purge, so deleted pages leave the WAL), waiting for the busy
  // timeout for writers and readers to let go; Unavailable (busy) when a
  // reader holds an old snapshot for longer. Serialized with the periodic
  // checkpoints. FailedPrecondition after Stop().
  Status TruncateNow();

  // PASSIVE checkpoints that ran so far.
  uint64_t checkpoints() const;

 private:
  void Run();

  std::mutex db_mutex_;  // one checkpoint at a time on db_
  std::unique_ptr<Database> db_;
  const std::chrono::milliseconds interval_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  uint64_t checkpoints_ = 0;
  std::thread thread_;
};

}  // namespace pillarbox::store
