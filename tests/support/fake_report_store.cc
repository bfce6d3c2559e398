#include "support/fake_report_store.h"

namespace pillarbox::testing {

Status FakeReportStore::Insert(intake::SealedReport report, Completion done) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!refusal_.ok()) return refusal_;
  pending_.emplace_back(std::move(report), std::move(done));
  return Status::Ok();
}

void FakeReportStore::Refuse(Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  refusal_ = std::move(status);
}

void FakeReportStore::FailCompletions(Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  completion_status_ = std::move(status);
}

size_t FakeReportStore::CompletePending() {
  std::vector<std::pair<intake::SealedReport, Completion>> batch;
  Status status;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(pending_);
    status = completion_status_;
    if (status.ok()) {
      for (const auto& [report, done] : batch) committed_.push_back(report);
    }
  }
  for (auto& [report, done] : batch) done(status);
  return batch.size();
}

std::vector<intake::SealedReport> FakeReportStore::committed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return committed_;
}

size_t FakeReportStore::pending_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_.size();
}

}  // namespace pillarbox::testing
