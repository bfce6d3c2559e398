// Fault loops over the case edits a reviewer makes (the services behind
// POST /api/v1/cases, POST /api/v1/cases/{id}/reports and the report status
// change), each with its audit entry in the same write: every failed write,
// full disk, fsync and allocation gives a 5xx and stores the whole edit (rows
// and audit entry) or nothing; the audit chain verifies; a retry succeeds.
#include <gtest/gtest.h>

#include <string>

#include "counts_trial.h"
#include "fault_loop.h"
#include "fault_test_bed.h"

namespace pillarbox::testing {
namespace {

constexpr char kAuditEntries[] = "SELECT count(*) FROM audit_log";
constexpr char kRevisions[] = "SELECT coalesce(sum(revision), 0) FROM reports";

class CreateCaseTrial final : public CountsTrial {
 public:
  explicit CreateCaseTrial(FaultTestBed& bed)
      : CountsTrial(bed, {"SELECT count(*) FROM cases", "SELECT count(*) FROM case_fields",
                          "SELECT count(*) FROM case_events", kAuditEntries}) {}
  void Prepare() override { Snapshot(); }
  Status Attempt() override { return bed_.CreateCase().status(); }
};

class LinkReportTrial final : public CountsTrial {
 public:
  explicit LinkReportTrial(FaultTestBed& bed)
      : CountsTrial(bed, {"SELECT count(*) FROM case_reports", "SELECT count(*) FROM case_events", kRevisions,
                          "SELECT count(*) FROM reports WHERE status = 'new'", kAuditEntries}) {}
  void Prepare() override {
    auto created = bed_.CreateCase();
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto report = bed_.AddVoiceReport();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    case_id_ = *created;
    report_id_ = *report;
    Snapshot();
  }
  Status Attempt() override { return bed_.LinkReport(case_id_, report_id_); }

 private:
  std::string case_id_, report_id_;
};

class CloseReportTrial final : public CountsTrial {
 public:
  explicit CloseReportTrial(FaultTestBed& bed)
      : CountsTrial(bed, {"SELECT count(*) FROM reports WHERE status = 'closed'", kRevisions, kAuditEntries}) {}
  void Prepare() override {
    auto report = bed_.AddVoiceReport();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    report_id_ = *report;
    revision_ = bed_.Count("SELECT revision FROM reports WHERE id = ?", report_id_);
    Snapshot();
  }
  Status Attempt() override { return bed_.CloseReport(report_id_, revision_); }

 private:
  std::string report_id_;
  int64_t revision_ = 0;
};

void RunAllLoops(const std::string& name, FaultTestBed& bed, CountsTrial& trial) {
  trial.Calibrate();  // also prepares the cached statements, as in a running service
  ASSERT_FALSE(::testing::Test::HasFailure());
  for (FaultKind kind : {FaultKind::kWrite, FaultKind::kFull, FaultKind::kSync, FaultKind::kAlloc}) {
    for (FaultMode mode : {FaultMode::kTransient, FaultMode::kPersistent}) {
      const LoopTally tally = RunFaultLoop(name, bed, trial, kind, mode);
      EXPECT_GT(tally.iterations, 1) << "no call of this kind: the loop tested nothing";
      EXPECT_GT(tally.injected, 0);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(CaseEditFaultsTest, CreatingACaseIsAllOrNothingUnderEveryFault) {
  FaultTestBed bed;
  ASSERT_TRUE(bed.status().ok()) << bed.status().ToString();
  CreateCaseTrial trial(bed);
  RunAllLoops("case.create", bed, trial);
}

TEST(CaseEditFaultsTest, LinkingAReportIsAllOrNothingUnderEveryFault) {
  FaultTestBed bed;
  ASSERT_TRUE(bed.status().ok()) << bed.status().ToString();
  LinkReportTrial trial(bed);
  RunAllLoops("case.link_report", bed, trial);
}

TEST(CaseEditFaultsTest, ClosingAReportIsAllOrNothingUnderEveryFault) {
  FaultTestBed bed;
  ASSERT_TRUE(bed.status().ok()) << bed.status().ToString();
  CloseReportTrial trial(bed);
  RunAllLoops("report.close", bed, trial);
}

}  // namespace
}  // namespace pillarbox::testing
