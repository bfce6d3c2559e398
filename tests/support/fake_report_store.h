// FakeReportStore: an in-memory intake::ReportStore for tests that holds each
// completion until the test releases it, and can be told to refuse inserts or
// to fail completions. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

#include "intake/report_store.h"

namespace pillarbox::testing {

class FakeReportStore final : public intake::ReportStore {
 public:
  // Returns the refusal set by Refuse() (recording nothing), otherwise records
  // `report` as pending and returns OK; `done` runs in CompletePending().
  Status Insert(intake::SealedReport report, Completion done) override;

  // Makes every later Insert return `status` (e.g. ResourceExhausted);
  // Status::Ok() accepts inserts again.
  void Refuse(Status status);
  // Makes CompletePending() complete with `status` and commit nothing;
  // Status::Ok() commits again.
  void FailCompletions(Status status);

  // Completes every pending insert (outside the lock, in insertion order):
  // committed ones move to committed(). Returns how many were completed.
  size_t CompletePending();

  // Reports whose completion was OK, in completion order.
  std::vector<intake::SealedReport> committed() const;
  // Inserts accepted but not yet completed.
  size_t pending_count() const;

 private:
  mutable std::mutex mutex_;
  Status refusal_;
  Status completion_status_;
  std::vector<std::pair<intake::SealedReport, Completion>> pending_;
  std::vector<intake::SealedReport> committed_;
};

}  // namespace pillarbox::testing
