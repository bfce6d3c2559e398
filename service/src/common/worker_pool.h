// WorkerPool: a fixed number of threads running queued tasks, with a bounded
// queue. Used for work that must not run on Pistache's I/O threads (Argon2id
// at login). Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "common/status.h"

namespace pillarbox {

class WorkerPool {
 public:
  // Starts `threads` workers; at most `max_queued` tasks wait for one.
  WorkerPool(size_t threads, size_t max_queued);
  // Stop()s.
  ~WorkerPool();

  // Queues `task`. ResourceExhausted when the queue is full, Unavailable after
  // Stop(); the task is then not run.
  Status Post(std::function<void()> task);

  // Runs every queued task, then joins the workers. Idempotent.
  void Stop();

  // Tasks waiting for a worker now (for GET /metrics).
  size_t QueueDepth();

 private:
  void Work();

  const size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pillarbox
