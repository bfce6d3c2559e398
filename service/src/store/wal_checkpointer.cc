#include "store/wal_checkpointer.h"

#include <spdlog/spdlog.h>

namespace pillarbox::store {

WalCheckpointer::WalCheckpointer(std::unique_ptr<Database> db, std::chrono::milliseconds interval)
    : db_(std::move(db)), interval_(interval), thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() { (void)Stop(); }

void WalCheckpointer::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    Status status;
    {
      std::lock_guard<std::mutex> checkpointing(db_mutex_);
      status = db_->Checkpoint(CheckpointMode::kPassive);
    }
    if (!status.ok()) spdlog::warn("wal checkpoint failed: {}", status.ToString());
    lock.lock();
    ++checkpoints_;
  }
}

Status WalCheckpointer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return Status::Ok();
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::lock_guard<std::mutex> checkpointing(db_mutex_);
  return db_->Checkpoint(CheckpointMode::kTruncate);
}

Status WalCheckpointer::TruncateNow() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return Status::FailedPrecondition("the checkpointer has stopped");
  }
  std::lock_guard<std::mutex> checkpointing(db_mutex_);
  return db_->Checkpoint(CheckpointMode::kTruncate);
}

uint64_t WalCheckpointer::checkpoints() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return checkpoints_;
}

}  // namespace pillarbox::store
