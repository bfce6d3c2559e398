// DailyScheduler: runs a task on its own thread at start and then once per
// UTC day of a Clock (the retention purge inside `serve`). Every
// `check_interval` of real time it reads the clock and runs the task when the
// clock's UTC day differs from the day of the last run, so a clock moved by a
// test or a machine that slept is caught up with within one interval. Stop()
// wakes the thread at once; a task that is running is told through the
// cancel flag it receives and is waited for. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "common/clock.h"

namespace pillarbox::app {

class DailyScheduler {
 public:
  // The task; `cancel` becomes true when Stop() is called during a run.
  using Task = std::function<void(const std::atomic<bool>& cancel)>;

  // Starts the thread, which runs `task` at once. `clock` must outlive the scheduler.
  DailyScheduler(const Clock& clock, std::chrono::milliseconds check_interval, Task task);
  // Stop()s.
  ~DailyScheduler();
  DailyScheduler(const DailyScheduler&) = delete;
  DailyScheduler& operator=(const DailyScheduler&) = delete;

  // Stops the thread (cancelling a run in progress and waiting for it). Idempotent.
  void Stop();

  // Runs started so far.
  uint64_t runs() const;

 private:
  void Run();

  const Clock& clock_;
  const std::chrono::milliseconds check_interval_;
  const Task task_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> cancel_{false};
  bool stopping_ = false;
  uint64_t runs_ = 0;
  std::thread thread_;
};

}  // namespace pillarbox::app
