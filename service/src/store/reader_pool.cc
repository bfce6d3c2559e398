#include "store/reader_pool.h"

#include <algorithm>

namespace pillarbox::store {

Result<std::unique_ptr<ReaderPool>> ReaderPool::Open(const std::string& path, size_t size) {
  std::unique_ptr<ReaderPool> pool(new ReaderPool());
  for (size_t i = 0; i < std::max<size_t>(size, 1); ++i) {
    PB_ASSIGN_OR_RETURN(auto db, Database::Open(path, OpenMode::kReadWrite));
    pool->free_.push_back(std::move(db));
  }
  return pool;
}

ReaderPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Release(std::move(db_));
}

ReaderPool::Lease ReaderPool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  available_.wait(lock, [this] { return !free_.empty(); });
  std::unique_ptr<Database> db = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(db));
}

std::optional<ReaderPool::Lease> ReaderPool::TryAcquire() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (free_.empty()) return std::nullopt;
  std::unique_ptr<Database> db = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(db));
}

void ReaderPool::Release(std::unique_ptr<Database> db) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace pillarbox::store
