#include "cases/report_messages.h"

#include <gtest/gtest.h>

#include "label_test_fixture.h"
#include "privacy/report_message.h"
#include "store/report_message_repository.h"

namespace pillarbox::cases {
namespace {

class ReportMessagesTest : public test::LabelTest {
 protected:
  void SetUp() override {
    test::LabelTest::SetUp();
    messages_ = std::make_unique<ReportMessages>(*writer_, *readers_, audit_key_, clock_);
  }
  std::unique_ptr<ReportMessages> messages_;
};

TEST_F(ReportMessagesTest, SendNumbersMessagesAndSetsFirstFeedbackOnce) {
  const auto session = VoiceReviewer();
  const std::string canary = "MESSAGE-CANARY-51d2e8-please-send-the-contract";
  const auto first = messages_->Send(session, voice_report_, canary);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->seq, 1);
  EXPECT_EQ(first->created_day, "2024-06-15");
  EXPECT_EQ(
      store::test::QueryText(*check_, "SELECT first_feedback_day FROM reports WHERE first_feedback_day IS NOT NULL"),
      "2024-06-15");
  EXPECT_EQ(Count("SELECT sum(revision) FROM reports"), 1);

  clock_.Advance(3 * 86400);
  const auto second = messages_->Send(session, voice_report_, "a second message");
  EXPECT_EQ(second->seq, 2);
  EXPECT_EQ(second->created_day, "2024-06-18");
  EXPECT_EQ(Count("SELECT count(*) FROM reports WHERE first_feedback_day = '2024-06-15'"), 1);  // unchanged
  EXPECT_EQ(Count("SELECT sum(revision) FROM reports"), 1);

  const auto listed = messages_->List(session, voice_report_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].body, canary);
  EXPECT_EQ((*listed)[0].author_role, "reviewer");
  EXPECT_EQ((*listed)[0].author_username, "rev-voice");
  EXPECT_EQ((*listed)[1].body, "a second message");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.message.sent'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.messages.viewed'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM report_messages WHERE created_day = '2024-06-18' AND seq = 2"), 1);

  writer_->Stop();
  ASSERT_TRUE(check_->Checkpoint(store::CheckpointMode::kTruncate).ok());
  const std::string bytes = test::ReadFileBytes(path_) + test::ReadFileBytes(path_ + "-wal");
  EXPECT_EQ(bytes.find("MESSAGE-CANARY"), std::string::npos) << "a message is stored in clear";
  EXPECT_NE(bytes.find("2024-06-18"), std::string::npos) << "the scan does not see the stored rows";
}

TEST_F(ReportMessagesTest, TheReporterSideOpensWithTheReportDataKeyOnly) {
  ASSERT_TRUE(messages_->Send(VoiceReviewer(), voice_report_, "we received your report").ok());
  const auto stored = store::ListReportMessages(*check_, voice_report_);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  const store::SealedMessageRecord& message = (*stored)[0].message;
  EXPECT_EQ(*privacy::OpenReportMessage(data_keys_.at(voice_report_), voice_report_, 1, message.ciphertext),
            "we received your report");
  EXPECT_FALSE(privacy::OpenReportMessage(data_keys_.at(work_report_), voice_report_, 1, message.ciphertext).ok());
  EXPECT_FALSE(privacy::OpenReportMessage(data_keys_.at(voice_report_), voice_report_, 2, message.ciphertext).ok());
  EXPECT_FALSE(privacy::OpenReportMessage(data_keys_.at(voice_report_), work_report_, 1, message.ciphertext).ok());
}

TEST_F(ReportMessagesTest, RefusalsStoreNothing) {
  EXPECT_EQ(messages_->Send(VoiceReviewer(), voice_report_, " ").status().field(), "body");
  EXPECT_EQ(messages_->Send(WorkReviewer(), voice_report_, "x").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(messages_->List(WorkReviewer(), voice_report_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(messages_->Send(Partner(), voice_report_, "x").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM report_messages"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM reports WHERE first_feedback_day IS NOT NULL OR revision != 0"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), 0);
}

}  // namespace
}  // namespace pillarbox::cases
