#include <gtest/gtest.h>

#include <string>

#include "reporter_fixture.h"

namespace pillarbox::reporter {
namespace {

class ReporterReplyTest : public test::ReporterTest {};

TEST_F(ReporterReplyTest, AReplyIsSealedUnderTheReportKeyAndAuditedByTheDayOnly) {
  const auto report = AddReport();
  ReviewerSays(report.id, AddReviewer("rev-a"), "Which bank?");
  auto session = SignInWith(report.receipt);
  ASSERT_NE(session, nullptr);
  const std::string canary = "REPLY-CANARY-93be it was First Example Bank";

  auto reply = followup_->Reply(*session, canary);
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(*reply, (ReporterMessage{2, "reporter", "2024-06-15", canary}));
  EXPECT_EQ(Count("SELECT count(*) FROM report_messages WHERE seq = 2 AND author_role = 'reporter' "
                  "AND author_id IS NULL AND created_day = '2024-06-15'"),
            1);
  EXPECT_EQ(Count("SELECT revision FROM reports"), 1);
  // The audit entry waits for the end of the day (audit/deferred_audit.h),
  // dated 2024-06-15 00:00:00 UTC, not the 12:00 of the clock.
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE actor = 'reporter'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_deferred WHERE actor = 'reporter' AND "
                  "action = 'report.message.received' AND object_type = 'report' AND detail = 'seq=2'"),
            1);
  EXPECT_EQ(Count("SELECT day_start FROM audit_deferred WHERE actor = 'reporter'"), 1718409600);

  auto view = followup_->View(*session);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->messages.size(), 2u);
  EXPECT_EQ(view->messages[1].body, canary);
  EXPECT_EQ(view->messages[1].from, "reporter");

  writer_->Stop();
  ASSERT_TRUE(check_->Checkpoint(store::CheckpointMode::kTruncate).ok());
  const std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find("REPLY-CANARY"), std::string::npos) << "the reply is stored in clear";
  EXPECT_EQ(bytes.find(test::kCanary), std::string::npos) << "an answer is stored in clear";
  EXPECT_NE(bytes.find("2024-06-15"), std::string::npos) << "the scan does not see the stored rows";
}

TEST_F(ReporterReplyTest, ARefusedReplyStoresNothing) {
  const auto report = AddReport();
  auto session = SignInWith(report.receipt);
  ASSERT_NE(session, nullptr);
  std::string too_long;
  for (int i = 0; i < 10001; ++i) too_long += "a";
  for (const std::string& bad : {std::string(), std::string(" \n\t "), too_long, std::string("bad \xff utf-8")}) {
    const Status status = followup_->Reply(*session, bad).status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.field(), "body");
  }
  EXPECT_EQ(Count("SELECT count(*) FROM report_messages"), 0);
  EXPECT_EQ(Count("SELECT revision FROM reports"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), 0);
}

TEST_F(ReporterReplyTest, TheReportOfASessionDeletedMeanwhileRefusesEverything) {
  const auto report = AddReport();
  auto session = SignInWith(report.receipt);
  ASSERT_NE(session, nullptr);
  auto other_device = SignInWith(report.receipt);
  ASSERT_NE(other_device, nullptr);
  ASSERT_TRUE(followup_->RequestDeletion(*other_device).ok());
  const int64_t audit_entries = Count("SELECT count(*) FROM audit_log");
  // `session` was looked up before the deletion (a request already running).
  EXPECT_EQ(followup_->Reply(*session, "still there?").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(followup_->View(*session).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(followup_->RequestDeletion(*session).code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Count("SELECT count(*) FROM report_messages"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), audit_entries);
}

}  // namespace
}  // namespace pillarbox::reporter
