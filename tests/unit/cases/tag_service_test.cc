#include "cases/tag_service.h"

#include <gtest/gtest.h>

#include "cases/report_labels.h"
#include "label_test_fixture.h"

namespace pillarbox::cases {
namespace {

class TagServiceTest : public test::LabelTest {
 protected:
  void SetUp() override {
    test::LabelTest::SetUp();
    tags_ = std::make_unique<TagService>(*writer_, *readers_, audit_key_, clock_);
    labels_ = std::make_unique<ReportLabels>(*writer_, *readers_, audit_key_, clock_);
  }
  std::unique_ptr<TagService> tags_;
  std::unique_ptr<ReportLabels> labels_;
};

TEST_F(TagServiceTest, CreateRenameAndAudit) {
  const auto session = VoiceReviewer();
  const auto created = tags_->Create(session, "  Wage theft ");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->name, "Wage theft");
  EXPECT_EQ(created->id.size(), 32u);
  const auto taken = tags_->Create(WorkReviewer(), "WAGE THEFT");
  EXPECT_EQ(taken.status().code(), StatusCode::kConflict);
  EXPECT_EQ(taken.status().field(), "name");
  EXPECT_EQ(tags_->Create(session, "").status().field(), "name");
  EXPECT_EQ(Count("SELECT count(*) FROM tags"), 1);

  ASSERT_TRUE(tags_->Rename(session, created->id, "Unpaid wages").ok());
  EXPECT_EQ(store::test::QueryText(*check_, "SELECT name FROM tags"), "Unpaid wages");
  EXPECT_EQ(tags_->Rename(session, std::string(32, 'f'), "x").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(tags_->Rename(session, "not-an-id", "x").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(tags_->Rename(session, created->id, std::string(65, 'x')).status().field(), "name");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'tag.created'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'tag.renamed'"), 1);
  // The audit log holds ids, never the name.
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE detail LIKE '%wage%' OR object_id LIKE '%wage%'"), 0);
}

TEST_F(TagServiceTest, PartnersCannotManageTags) {
  EXPECT_EQ(tags_->Create(Partner(), "x").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(tags_->List(Partner()).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM tags"), 0);
}

TEST_F(TagServiceTest, ListCountsOnlyTheCallersDesks) {
  const auto voice = VoiceReviewer();
  const auto tag = *tags_->Create(voice, "shared");
  ASSERT_TRUE(labels_->AddTag(voice, voice_report_, tag.id).ok());
  ASSERT_TRUE(labels_->AddTag(WorkReviewer(), work_report_, tag.id).ok());
  const auto voice_list = tags_->List(voice);
  ASSERT_TRUE(voice_list.ok());
  ASSERT_EQ(voice_list->size(), 1u);
  EXPECT_EQ((*voice_list)[0].counts.reports, 1);
  EXPECT_EQ((*voice_list)[0].counts.cases, 0);
}

TEST_F(TagServiceTest, MergeMovesLinksDeletesTheTagAndIsAudited) {
  const auto session = VoiceReviewer();
  const auto from = *tags_->Create(session, "deepfake");
  const auto into = *tags_->Create(session, "voice clone");
  ASSERT_TRUE(labels_->AddTag(session, voice_report_, from.id).ok());
  ASSERT_TRUE(labels_->AddTag(session, voice_report_, into.id).ok());
  ASSERT_TRUE(labels_->AddTag(WorkReviewer(), work_report_, from.id).ok());

  EXPECT_EQ(tags_->Merge(session, from.id, from.id).status().field(), "into");
  EXPECT_EQ(tags_->Merge(session, from.id, std::string(32, 'f')).status().field(), "into");
  EXPECT_EQ(tags_->Merge(session, from.id, "bad").status().field(), "into");
  EXPECT_EQ(tags_->Merge(session, std::string(32, 'f'), into.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Count("SELECT count(*) FROM tags"), 2);

  const auto moved = tags_->Merge(session, from.id, into.id);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->report_links, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM tags"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM report_tags"), 2);  // voice collapsed, work moved
  const auto labels = labels_->Of(session, voice_report_);
  ASSERT_EQ(labels->tags.size(), 1u);
  EXPECT_EQ(labels->tags[0].id, into.id);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'tag.merged'"), 1);
}

}  // namespace
}  // namespace pillarbox::cases
