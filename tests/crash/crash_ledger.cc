#include "crash_ledger.h"

namespace pillarbox::testing {

size_t CrashLedger::AddSubmission(Submission submission) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_canary_[submission.canary] = submissions_.size();
  submissions_.push_back(std::move(submission));
  return submissions_.size() - 1;
}

void CrashLedger::Resolve(size_t index, SubmissionState state, const std::string& receipt) {
  std::lock_guard<std::mutex> lock(mutex_);
  submissions_[index].state = state;
  submissions_[index].receipt = receipt;
  if (state == SubmissionState::kAcknowledged) acknowledged_.push_back(index);
}

void CrashLedger::MarkInFlightUnknown() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& submission : submissions_) {
    if (submission.state == SubmissionState::kInFlight) submission.state = SubmissionState::kUnknown;
  }
}

std::optional<size_t> CrashLedger::FindByCanary(const std::string& canary) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = by_canary_.find(canary);
  if (found == by_canary_.end()) return std::nullopt;
  return found->second;
}

Submission CrashLedger::SubmissionAt(size_t index) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return submissions_[index];
}

size_t CrashLedger::SubmissionCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return submissions_.size();
}

std::vector<size_t> CrashLedger::Acknowledged() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return acknowledged_;
}

int64_t CrashLedger::CountIn(SubmissionState state) const {
  std::lock_guard<std::mutex> lock(mutex_);
  int64_t count = 0;
  for (const auto& submission : submissions_) count += submission.state == state ? 1 : 0;
  return count;
}

std::map<std::string, ReportModel> CrashLedger::Reports() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return reports_;
}

std::map<std::string, CaseModel> CrashLedger::Cases() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return cases_;
}

void CrashLedger::SetReport(const std::string& id, ReportModel model) {
  std::lock_guard<std::mutex> lock(mutex_);
  reports_[id] = std::move(model);
}

void CrashLedger::SetCase(const std::string& id, CaseModel model) {
  std::lock_guard<std::mutex> lock(mutex_);
  cases_[id] = std::move(model);
}

void CrashLedger::BeginEdit(PendingEdit edit) {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_ = std::move(edit);
}

void CrashLedger::AcknowledgeEdit() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!pending_) return;
  if (pending_->report_after) reports_[pending_->report_id] = *pending_->report_after;
  if (pending_->case_after) cases_[pending_->case_id] = *pending_->case_after;
  pending_.reset();
  ++acknowledged_edits_;
}

void CrashLedger::DropEdit() {
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.reset();
}

std::optional<PendingEdit> CrashLedger::Pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_;
}

int64_t CrashLedger::acknowledged_edits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return acknowledged_edits_;
}

void CrashLedger::Fail(const std::string& what) {
  std::lock_guard<std::mutex> lock(mutex_);
  failures_.push_back(what);
}

std::vector<std::string> CrashLedger::Failures() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return failures_;
}

}  // namespace pillarbox::testing
