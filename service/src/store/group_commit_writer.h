// GroupCommitWriter: the single thread that owns the write connection. It
// collects pending write operations and commits many of them in one
// transaction, so concurrent submissions share one fsync (synchronous=FULL).
//
// Each operation runs inside its own SAVEPOINT: an operation that fails is
// rolled back alone and its completion gets its error; the others commit. If
// the COMMIT itself fails, every operation of the batch gets Unavailable and
// nothing of the batch is stored. Completions run on the writer thread after
// the outcome is final; they must be quick and must not call Submit().
//
// Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

class GroupCommitWriter {
 public:
  using WriteOp = std::function<Status(Database&)>;
  using Completion = std::function<void(Status)>;

  struct Options {
    size_t queue_capacity = 4096;  // pending operations beyond this are refused
    size_t max_batch = 256;        // operations per transaction at most
  };

  struct Stats {
    uint64_t committed_ops = 0;
    uint64_t failed_ops = 0;
    uint64_t transactions = 0;
  };

  // Starts the writer thread, which owns `db` from now on.
  GroupCommitWriter(std::unique_ptr<Database> db, Options options);
  // Stop()s.
  ~GroupCommitWriter();

  // Queues `op`. ResourceExhausted when the queue is full, Unavailable after
  // Stop(); then `done` is never called. Otherwise `done` is called exactly once.
  Status Submit(WriteOp op, Completion done);

  // Submit()s `op` and blocks until its batch has committed (or failed);
  // returns the refusal or the operation's outcome. Must not be called from
  // the writer thread (a completion) itself.
  Status SubmitAndWait(WriteOp op);

  // Stops accepting, finishes every queued operation, and joins the thread.
  // Idempotent.
  void Stop();

  size_t QueueDepth() const;
  Stats GetStats() const;

 private:
  struct Pending {
    WriteOp op;
    Completion done;
  };
  void Run();
  void CommitBatch(std::deque<Pending>& batch);

  std::unique_ptr<Database> db_;
  const Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

}  // namespace pillarbox::store
