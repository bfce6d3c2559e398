#include "cases/report_evidence.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "label_test_fixture.h"

namespace pillarbox::cases {
namespace {

// Accepts "TEXT:..." as text/plain; refuses anything else.
class TextOnlyCleaner final : public intake::EvidenceCleaner {
 public:
  Result<intake::CleanedEvidence> Clean(std::span<const uint8_t> content) const override {
    const std::string text(content.begin(), content.end());
    if (text.rfind("TEXT:", 0) != 0) return Status::InvalidArgument("not allowed", "file");
    return intake::CleanedEvidence{"text/plain", "txt", {content.begin(), content.end()}, {}, {}};
  }
};

class ReportEvidenceTest : public test::LabelTest {
 protected:
  void SetUp() override {
    test::LabelTest::SetUp();
    evidence_ = std::make_unique<reporter::EvidenceService>(*writer_, *readers_, cleaner_, audit_key_, clock_,
                                                            reporter::EvidenceService::Limits{});
    audit_ = std::make_unique<audit::AuditRecorder>(*writer_, audit_key_, clock_);
    reviewer_side_ = std::make_unique<ReportEvidence>(*evidence_, *readers_, *audit_);
  }

  std::string AttachToVoiceReport(const std::string& text) {
    const auto added = evidence_->Attach(voice_report_, data_keys_.at(voice_report_), "wage decision.txt",
                                         privacy::AsBytes(text));
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? added->id : "";
  }

  TextOnlyCleaner cleaner_;
  std::unique_ptr<reporter::EvidenceService> evidence_;
  std::unique_ptr<audit::AuditRecorder> audit_;
  std::unique_ptr<ReportEvidence> reviewer_side_;
};

TEST_F(ReportEvidenceTest, ReviewerOfTheDeskListsAndDownloadsAudited) {
  const std::string file_id = AttachToVoiceReport("TEXT:the decision letter");
  const auto listed = reviewer_side_->List(VoiceReviewer(), voice_report_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, file_id);
  EXPECT_EQ((*listed)[0].meta.name, "wage decision.txt");
  EXPECT_EQ((*listed)[0].meta.media_type, "text/plain");

  const auto file = reviewer_side_->Download(VoiceReviewer(), voice_report_, file_id);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(std::string(file->content.bytes().begin(), file->content.bytes().end()), "TEXT:the decision letter");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'evidence.listed' AND actor = 'u-voice'"), 1);
  EXPECT_EQ(store::test::QueryText(*check_, "SELECT detail FROM audit_log WHERE action = 'evidence.downloaded'"),
            "file=" + file_id);
}

TEST_F(ReportEvidenceTest, OtherDesksAndRolesSeeNothing) {
  const std::string file_id = AttachToVoiceReport("TEXT:x");
  EXPECT_EQ(reviewer_side_->List(WorkReviewer(), voice_report_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reviewer_side_->Download(WorkReviewer(), voice_report_, file_id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reviewer_side_->List(Partner(), voice_report_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(reviewer_side_->Download(Partner(), voice_report_, file_id).status().code(),
            StatusCode::kPermissionDenied);
  // A file of another report, asked for through a report the reviewer may see.
  EXPECT_EQ(reviewer_side_->Download(WorkReviewer(), work_report_, file_id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reviewer_side_->Download(VoiceReviewer(), voice_report_, "not-an-id").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'evidence.%' AND action != 'evidence.added'"), 0);
}

}  // namespace
}  // namespace pillarbox::cases
