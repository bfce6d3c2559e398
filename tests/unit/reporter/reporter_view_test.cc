#include <gtest/gtest.h>

#include <string>

#include "reporter_fixture.h"

namespace pillarbox::reporter {
namespace {

class ReporterViewTest : public test::ReporterTest {};

TEST_F(ReporterViewTest, ShowsTheReportDecryptedAndLabelledWithTheConversation) {
  const auto report = AddReport();
  const std::string reviewer = AddReviewer("rev-secret-name");
  ReviewerSays(report.id, reviewer, "Could you tell us the name of the bank?");
  auto session = SignInWith(report.receipt);
  ASSERT_NE(session, nullptr);

  auto view = followup_->View(*session);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ(view->kind, "voice_cloning");
  EXPECT_EQ(view->title, "Voice or likeness cloned");
  EXPECT_EQ(view->received_day, "2024-06-01");
  EXPECT_EQ(view->status.code, "received");
  const std::vector<ReporterAnswer> expected = {
      {"region", "Where do you live?", "Europe"},
      {"sector", "Which sector?", "Creative work and media"},
      {"likeness_type", "What was cloned?", "Your voice\nYour face"},  // option order
      {"summary", "In one sentence", "my voice was cloned"},
      {"narrative", "What happened?", std::string(test::kCanary) + " a bank called my mother"},
  };  // contact was left empty: not listed
  EXPECT_EQ(view->answers, expected);
  ASSERT_EQ(view->messages.size(), 1u);
  EXPECT_EQ(view->messages[0], (ReporterMessage{1, "reviewer", "2024-06-10", "Could you tell us the name of the bank?"}));
}

TEST_F(ReporterViewTest, StatusFollowsTheWorkflowInReporterWords) {
  const auto report = AddReport();
  auto session = SignInWith(report.receipt);
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(check_->Execute("UPDATE reports SET status = 'closed', close_reason = 'duplicate'").ok());
  auto view = followup_->View(*session);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->status, ReporterStatusOf("closed", "duplicate"));
  EXPECT_EQ(view->status.code, "closed");
}

TEST_F(ReporterViewTest, AnAnswerThatFailsToOpenIsDataLossNeverPartial) {
  const auto report = AddReport();
  auto session = SignInWith(report.receipt);
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(check_->Execute("UPDATE report_fields SET ciphertext = zeroblob(80) WHERE field = 'summary'").ok());
  EXPECT_EQ(followup_->View(*session).status().code(), StatusCode::kDataLoss);
}

TEST(ReporterStatusTest, EveryInternalStatusHasAStableReporterCode) {
  EXPECT_EQ(ReporterStatusOf("new", "").code, "received");
  EXPECT_EQ(ReporterStatusOf("acknowledged", "").code, "acknowledged");
  EXPECT_EQ(ReporterStatusOf("in_review", "").code, "in_review");
  EXPECT_EQ(ReporterStatusOf("linked_to_case", "").code, "grouped");
  for (const char* reason : {"actioned", "insufficient", "duplicate", "out_of_scope", ""}) {
    EXPECT_EQ(ReporterStatusOf("closed", reason).code, "closed");
    EXPECT_FALSE(ReporterStatusOf("closed", reason).words.empty());
  }
  EXPECT_NE(ReporterStatusOf("closed", "duplicate").words, ReporterStatusOf("closed", "actioned").words);
  EXPECT_EQ(ReporterStatusOf("some_future_status", "").code, "in_review");  // never an internal name
}

}  // namespace
}  // namespace pillarbox::reporter
