#include "app/daily_scheduler.h"

namespace pillarbox::app {

DailyScheduler::DailyScheduler(const Clock& clock, std::chrono::milliseconds check_interval, Task task)
    : clock_(clock), check_interval_(check_interval), task_(std::move(task)), thread_([this] { Run(); }) {}

DailyScheduler::~DailyScheduler() { Stop(); }

void DailyScheduler::Run() {
  std::string last_day;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    const std::string today = UtcDay(clock_.NowUnixSeconds());
    if (today != last_day) {
      last_day = today;
      ++runs_;
      lock.unlock();
      task_(cancel_);
      lock.lock();
      continue;  // re-check stopping_ and the day before waiting
    }
    wake_.wait_for(lock, check_interval_, [this] { return stopping_; });
  }
}

void DailyScheduler::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  cancel_.store(true);
  wake_.notify_all();
  thread_.join();
}

uint64_t DailyScheduler::runs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return runs_;
}

}  // namespace pillarbox::app
