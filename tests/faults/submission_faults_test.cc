// Fault loops over a report submission (IntakeService -> SqliteReportStore ->
// group-commit writer), the path POST /api/v1/reports takes: every failed
// write, full disk, fsync and allocation gives a 5xx and stores the whole
// report or nothing; a retry succeeds and its receipt opens the report.
#include <gtest/gtest.h>

#include <string>

#include "counts_trial.h"
#include "fault_loop.h"
#include "fault_test_bed.h"

namespace pillarbox::testing {
namespace {

class SubmissionTrial final : public CountsTrial {
 public:
  explicit SubmissionTrial(FaultTestBed& bed)
      : CountsTrial(bed, {"SELECT count(*) FROM reports", "SELECT count(*) FROM report_fields",
                          "SELECT count(*) FROM report_clear_answers", "SELECT count(*) FROM report_blind_indexes"}) {}

  void Prepare() override {
    receipt_.clear();
    Snapshot();
  }

  Status Attempt() override {
    Result<std::string> receipt = bed_.SubmitReport();
    if (!receipt.ok()) return receipt.status();
    receipt_ = *receipt;
    return Status::Ok();
  }

  void CheckAllOrNothing(const Status& status) override {
    CountsTrial::CheckAllOrNothing(status);
    if (status.ok()) ExpectReceiptOpens();
  }

  void Retry() override {
    CountsTrial::Retry();
    if (!receipt_.empty()) ExpectReceiptOpens();
  }

 private:
  void ExpectReceiptOpens() {
    Result<std::string> narrative = bed_.OpenNarrative(receipt_);
    ASSERT_TRUE(narrative.ok()) << narrative.status().ToString();
    EXPECT_NE(narrative->find(kCanary), std::string::npos);
  }

  std::string receipt_;
};

TEST(SubmissionFaultsTest, EveryFaultGivesA5xxAndTheWholeReportOrNothing) {
  FaultTestBed bed;
  ASSERT_TRUE(bed.status().ok()) << bed.status().ToString();
  SubmissionTrial trial(bed);
  trial.Calibrate();  // also prepares the writer's cached statements, as in a running service
  ASSERT_FALSE(::testing::Test::HasFailure());
  for (FaultKind kind : {FaultKind::kWrite, FaultKind::kFull, FaultKind::kSync, FaultKind::kAlloc}) {
    for (FaultMode mode : {FaultMode::kTransient, FaultMode::kPersistent}) {
      const LoopTally tally = RunFaultLoop("submission", bed, trial, kind, mode);
      EXPECT_GT(tally.iterations, 1) << "no call of this kind: the loop tested nothing";
      EXPECT_GT(tally.injected, 0);
    }
  }
}

}  // namespace
}  // namespace pillarbox::testing
