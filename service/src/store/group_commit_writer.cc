#include "store/group_commit_writer.h"

#include <sqlite3.h>

#include <algorithm>
#include <future>
#include <memory>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

#include "common/metrics.h"
#include "store/savepoint.h"
#include "store/transaction.h"

namespace pillarbox::store {
namespace {

// Runs `op` inside its own savepoint, so that its failure undoes only its work.
Status RunInSavepoint(Database& db, const GroupCommitWriter::WriteOp& op) {
  Savepoint savepoint(db);
  PB_RETURN_IF_ERROR(savepoint.Begin());
  PB_RETURN_IF_ERROR(op(db));
  return savepoint.Release();
}

// True while the batch transaction is still open: some errors (I/O, disk
// full) make SQLite roll back the whole transaction on its own.
bool TransactionOpen(Database& db) { return sqlite3_get_autocommit(db.handle()) == 0; }

}  // namespace

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<Database> db, Options options)
    : db_(std::move(db)), options_(options), thread_([this] { Run(); }) {}

GroupCommitWriter::~GroupCommitWriter() { Stop(); }

Status GroupCommitWriter::Submit(WriteOp op, Completion done) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return Status::Unavailable("the writer is stopped");
    if (queue_.size() >= options_.queue_capacity) return Status::ResourceExhausted("the write queue is full");
    queue_.push_back(Pending{std::move(op), std::move(done)});
  }
  wake_.notify_one();
  return Status::Ok();
}

Status GroupCommitWriter::SubmitAndWait(WriteOp op) {
  auto outcome = std::make_shared<std::promise<Status>>();
  std::future<Status> committed = outcome->get_future();
  PB_RETURN_IF_ERROR(Submit(std::move(op), [outcome](Status status) { outcome->set_value(std::move(status)); }));
  return committed.get();
}

void GroupCommitWriter::Stop() {
  std::thread writer;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    writer = std::move(thread_);  // only the first caller joins
  }
  wake_.notify_all();
  if (writer.joinable()) writer.join();
}

size_t GroupCommitWriter::QueueDepth() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

GroupCommitWriter::Stats GroupCommitWriter::GetStats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

void GroupCommitWriter::Run() {
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is done
      const size_t count = std::min(std::max<size_t>(options_.max_batch, 1), queue_.size());
      std::move(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count), std::back_inserter(batch));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
    }
    CommitBatch(batch);
  }
}

void GroupCommitWriter::CommitBatch(std::deque<Pending>& batch) {
  std::vector<Status> outcomes;
  outcomes.reserve(batch.size());
  bool committed = false;
  {
    Transaction transaction(*db_);  // rolls back in its destructor unless committed
    if (transaction.Begin().ok()) {
      for (const Pending& pending : batch) {
        outcomes.push_back(RunInSavepoint(*db_, pending.op));
        if (!TransactionOpen(*db_)) break;
      }
      committed = TransactionOpen(*db_) && transaction.Commit().ok();
    }
  }
  if (!committed) outcomes.assign(batch.size(), Status::Unavailable("could not commit"));
  Metrics::Global().RecordCommitBatch(batch.size());
  if (!committed) Metrics::Global().Increment("pillarbox_commit_failures_total", "Group-commit transactions that failed.");

  const auto succeeded = static_cast<uint64_t>(std::count(outcomes.begin(), outcomes.end(), Status::Ok()));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stats_.committed_ops += succeeded;
    stats_.failed_ops += batch.size() - succeeded;
    if (committed) ++stats_.transactions;
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].done) batch[i].done(std::move(outcomes[i]));
  }
}

}  // namespace pillarbox::store
