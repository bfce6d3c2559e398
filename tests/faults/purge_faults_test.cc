// Fault loops over a retention purge (cases/retention_purge.h, as the daily
// scheduler runs it, with the WAL truncation after it): every failed write,
// full disk, fsync and allocation leaves each due report wholly present or
// wholly purged with its audit entry, the chain verifying, and a second run
// that finishes the purge.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "counts_trial.h"
#include "fault_loop.h"
#include "fault_test_bed.h"

namespace pillarbox::testing {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;
constexpr int kDueReports = 2;

class PurgeTrial final : public CountsTrial {
 public:
  // The last count is the purge's closing entry: a purge whose report batch
  // committed but whose closing op failed stores all but that.
  explicit PurgeTrial(FaultTestBed& bed)
      : CountsTrial(bed, {"SELECT count(*) FROM reports", "SELECT count(*) FROM report_fields",
                          "SELECT count(*) FROM report_blind_indexes",
                          "SELECT count(*) FROM audit_log WHERE action = 'retention.purged'",
                          "SELECT count(*) FROM audit_log WHERE action = 'retention.purge.finished'"}) {}

  // kDueReports reports closed today, then the clock moved past the 180
  // days voice_cloning keeps closed reports.
  void Prepare() override {
    for (int i = 0; i < kDueReports; ++i) {
      auto report = bed_.AddVoiceReport();
      ASSERT_TRUE(report.ok()) << report.status().ToString();
      const int64_t revision = bed_.Count("SELECT revision FROM reports WHERE id = ?", *report);
      const Status closed = bed_.CloseReport(*report, revision);
      ASSERT_TRUE(closed.ok()) << closed.ToString();
    }
    bed_.clock().Advance(181 * kDay);
    Snapshot();
  }

  Status Attempt() override { return bed_.Purge().status(); }

  void CheckAllOrNothing(const Status& status) override {
    if (!status.ok() && Counts() == ReportsPurgedNotFinished()) return;
    CountsTrial::CheckAllOrNothing(status);
  }

  void Retry() override {
    if (Counts() == ReportsPurgedNotFinished()) {
      const Status status = Attempt();  // finds nothing left and records the run
      EXPECT_TRUE(status.ok()) << status.ToString();
    }
    CountsTrial::Retry();
  }

 private:
  std::vector<int64_t> ReportsPurgedNotFinished() const {
    std::vector<int64_t> counts = before_;
    for (size_t i = 0; i + 1 < counts.size() && i < delta_.size(); ++i) counts[i] += delta_[i];
    return counts;
  }
};

TEST(PurgeFaultsTest, EveryFaultLeavesEachReportWhollyPresentOrWhollyPurged) {
  FaultTestBed bed;
  ASSERT_TRUE(bed.status().ok()) << bed.status().ToString();
  PurgeTrial trial(bed);
  trial.Calibrate();
  ASSERT_FALSE(::testing::Test::HasFailure());
  for (FaultKind kind : {FaultKind::kWrite, FaultKind::kFull, FaultKind::kSync, FaultKind::kAlloc}) {
    for (FaultMode mode : {FaultMode::kTransient, FaultMode::kPersistent}) {
      // A purge makes ~800 allocations: every N up to 100, then every 20th.
      const LoopTally tally = RunFaultLoop("purge", bed, trial, kind, mode, {.dense_until = 100, .stride = 20});
      EXPECT_GT(tally.iterations, 1) << "no call of this kind: the loop tested nothing";
      EXPECT_GT(tally.injected, 0);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

}  // namespace
}  // namespace pillarbox::testing
