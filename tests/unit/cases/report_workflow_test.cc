#include "cases/report_workflow.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace pillarbox::cases {
namespace {

// Every legal move (from -> to); everything else must be refused.
const std::set<std::pair<std::string, std::string>> kLegal = {
    {"new", "acknowledged"},         {"new", "in_review"},      {"new", "linked_to_case"},
    {"new", "closed"},               {"acknowledged", "in_review"}, {"acknowledged", "linked_to_case"},
    {"acknowledged", "closed"},      {"in_review", "linked_to_case"}, {"in_review", "closed"},
    {"linked_to_case", "closed"},    {"closed", "in_review"},
};

TEST(ReportWorkflowTest, EveryPairOfStatusesIsLegalExactlyWhenListed) {
  int legal = 0;
  for (std::string_view from : kReportStatuses) {
    for (std::string_view to : kReportStatuses) {
      const std::string reason = to == "closed" ? "duplicate" : "";
      const Status status = CheckTransition(from, to, reason);
      if (kLegal.count({std::string(from), std::string(to)}) > 0) {
        EXPECT_TRUE(status.ok()) << from << " -> " << to << ": " << status.ToString();
        ++legal;
      } else {
        EXPECT_EQ(status.code(), StatusCode::kConflict) << from << " -> " << to;
        EXPECT_EQ(status.field(), "status") << from << " -> " << to;
      }
    }
  }
  EXPECT_EQ(legal, 11);
}

TEST(ReportWorkflowTest, ClosingNeedsAValidReasonAndOnlyClosingTakesOne) {
  for (std::string_view reason : kCloseReasons) EXPECT_TRUE(CheckTransition("in_review", "closed", reason).ok());
  EXPECT_EQ(CheckTransition("in_review", "closed", ""), Status::InvalidArgument(
      "closing needs a reason: actioned, insufficient, duplicate or out_of_scope", "reason"));
  EXPECT_EQ(CheckTransition("in_review", "closed", "bored").field(), "reason");
  const Status with_reason = CheckTransition("new", "acknowledged", "duplicate");
  EXPECT_EQ(with_reason.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(with_reason.field(), "reason");
}

TEST(ReportWorkflowTest, AnUnknownTargetIsBadInputNotAConflict) {
  const Status status = CheckTransition("new", "archived", "");
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.field(), "status");
  EXPECT_EQ(CheckTransitionRequest("", "").field(), "status");
}

TEST(ReportWorkflowTest, ApplySetsAcknowledgedDayOnceAndClearsTheReasonOnReopen) {
  auto acknowledged = ApplyTransition({"new", "", ""}, "acknowledged", "", "2027-01-02");
  ASSERT_TRUE(acknowledged.ok());
  EXPECT_EQ(*acknowledged, (WorkflowState{"acknowledged", "", "2027-01-02"}));
  auto closed = ApplyTransition(*acknowledged, "closed", "actioned", "2027-02-01");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(*closed, (WorkflowState{"closed", "actioned", "2027-01-02"}));
  auto reopened = ApplyTransition(*closed, "in_review", "", "2027-03-01");
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*reopened, (WorkflowState{"in_review", "", "2027-01-02"}));
  EXPECT_EQ(ApplyTransition(*reopened, "new", "", "2027-03-02").status().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace pillarbox::cases
