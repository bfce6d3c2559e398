#include "cases/report_labels.h"

#include <gtest/gtest.h>

#include "cases/tag_service.h"
#include "label_test_fixture.h"

namespace pillarbox::cases {
namespace {

class ReportLabelsTest : public test::LabelTest {
 protected:
  void SetUp() override {
    test::LabelTest::SetUp();
    labels_ = std::make_unique<ReportLabels>(*writer_, *readers_, audit_key_, clock_);
    TagService tags(*writer_, *readers_, audit_key_, clock_);
    tag_ = *tags.Create(VoiceReviewer(), "deepfake");
  }
  std::unique_ptr<ReportLabels> labels_;
  store::TagRecord tag_;
};

TEST_F(ReportLabelsTest, TagsAndPillarsAreIdempotentAndEachChangeAudited) {
  const auto session = VoiceReviewer();
  ASSERT_TRUE(labels_->AddTag(session, voice_report_, tag_.id).ok());
  const auto twice = labels_->AddTag(session, voice_report_, tag_.id);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->tags, std::vector<store::TagRecord>{tag_});
  ASSERT_TRUE(labels_->AddPillar(session, voice_report_, "labor").ok());
  const auto after = labels_->AddPillar(session, voice_report_, "surveillance");
  EXPECT_EQ(after->pillars, (std::vector<std::string>{"labor", "surveillance"}));
  EXPECT_EQ(Count("SELECT count(*) FROM report_tags"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM report_pillars WHERE received_day = '2024-05-17'"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.tag.added'"), 1);  // the second was no change
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.pillar.added'"), 2);

  ASSERT_TRUE(labels_->RemoveTag(session, voice_report_, tag_.id).ok());
  ASSERT_TRUE(labels_->RemoveTag(session, voice_report_, tag_.id).ok());
  const auto removed = labels_->RemovePillar(session, voice_report_, "labor");
  EXPECT_TRUE(removed->tags.empty());
  EXPECT_EQ(removed->pillars, std::vector<std::string>{"surveillance"});
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.tag.removed'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'report.pillar.removed'"), 1);
}

TEST_F(ReportLabelsTest, RefusalsStoreNothing) {
  const auto session = VoiceReviewer();
  const auto pillar = labels_->AddPillar(session, voice_report_, "astrology");
  EXPECT_EQ(pillar.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(pillar.status().field(), "pillar");
  EXPECT_EQ(labels_->AddTag(session, voice_report_, std::string(32, 'f')).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(labels_->AddTag(session, work_report_, tag_.id).status().code(), StatusCode::kNotFound);  // other desk
  EXPECT_EQ(labels_->AddPillar(session, std::string(32, 'e'), "labor").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(labels_->Of(session, work_report_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(labels_->AddTag(Partner(), voice_report_, tag_.id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM report_tags"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM report_pillars"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'report.%'"), 0);
}

}  // namespace
}  // namespace pillarbox::cases
