#include "store/tag_repository.h"

#include <gtest/gtest.h>

#include "store/report_label_repository.h"
#include "store/report_rows.h"
#include "store_test_util.h"
#include "support/sealed_report_fixture.h"

namespace pillarbox::store {
namespace {

using test::MigratedDatabaseTest;
using test::QueryInt;

class TagRepositoryTest : public MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("voice", {"voice_cloning"})).ok());
    for (ReportRef* report : {&first_, &second_}) {
      intake::SealedReport sealed = pillarbox::testing::MakeSealedReport("voice");
      ASSERT_TRUE(InsertSealedReport(*db_, sealed).ok());
      *report = {sealed.id, sealed.received_day};
    }
    ASSERT_TRUE(InsertTag(*db_, a_).ok());
    ASSERT_TRUE(InsertTag(*db_, b_).ok());
    ASSERT_TRUE(db_->Execute("INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, created_day) "
                             "VALUES ('c1', 'voice', 1, x'00', '2024-05-17'), "
                             "('c2', 'voice', 1, x'00', '2024-05-17')")
                    .ok());
  }

  void LinkCase(const std::string& case_id, const std::string& tag_id) {
    // Only literals go through Execute; the ids here are fixed test values.
    const std::string sql = "INSERT INTO case_tags (case_id, tag_id) VALUES ('" + case_id + "', '" + tag_id + "')";
    ASSERT_TRUE(db_->Execute(sql).ok());
  }

  TagRecord a_{std::string(32, 'a'), "Wage theft"};
  TagRecord b_{std::string(32, 'b'), "Deepfake"};
  ReportRef first_;
  ReportRef second_;
};

TEST_F(TagRepositoryTest, InsertFindListAndNameUniqueIgnoringCase) {
  EXPECT_EQ(*FindTag(*db_, a_.id), std::optional<TagRecord>(a_));
  EXPECT_FALSE(FindTag(*db_, std::string(32, 'c'))->has_value());
  const Status taken = InsertTag(*db_, {std::string(32, 'c'), "WAGE THEFT"});
  EXPECT_EQ(taken.code(), StatusCode::kConflict);
  const auto tags = ListTags(*db_);
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (std::vector<TagRecord>{b_, a_}));  // by name: Deepfake, Wage theft
}

TEST_F(TagRepositoryTest, RenameChecksExistenceAndUniqueness) {
  EXPECT_TRUE(RenameTag(*db_, a_.id, "wage THEFT").ok());  // its own name in another case
  EXPECT_EQ((*FindTag(*db_, a_.id))->name, "wage THEFT");
  EXPECT_EQ(RenameTag(*db_, a_.id, "deepfake").code(), StatusCode::kConflict);
  EXPECT_EQ(RenameTag(*db_, std::string(32, 'c'), "x").code(), StatusCode::kNotFound);
}

TEST_F(TagRepositoryTest, ReportLinksAreIdempotentAndCarryTheReceivedDay) {
  EXPECT_TRUE(*AddReportTag(*db_, first_, a_.id));
  EXPECT_FALSE(*AddReportTag(*db_, first_, a_.id));
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM report_tags"), 1);
  EXPECT_EQ(test::QueryText(*db_, "SELECT received_day FROM report_tags"), first_.received_day);
  EXPECT_EQ(*ListReportTags(*db_, first_.id), std::vector<TagRecord>{a_});
  EXPECT_TRUE(*RemoveReportTag(*db_, first_, a_.id));
  EXPECT_FALSE(*RemoveReportTag(*db_, first_, a_.id));
  EXPECT_TRUE(ListReportTags(*db_, first_.id)->empty());

  EXPECT_TRUE(*AddReportPillar(*db_, first_, "labor"));
  EXPECT_TRUE(*AddReportPillar(*db_, first_, "data"));
  EXPECT_FALSE(*AddReportPillar(*db_, first_, "labor"));
  EXPECT_EQ(*ListReportPillars(*db_, first_.id), (std::vector<std::string>{"data", "labor"}));
  EXPECT_TRUE(*RemoveReportPillar(*db_, first_, "data"));
  EXPECT_EQ(*ListReportPillars(*db_, first_.id), (std::vector<std::string>{"labor"}));
  EXPECT_EQ(AddReportTag(*db_, first_, std::string(32, 'c')).status().code(), StatusCode::kConflict);  // no such tag
}

TEST_F(TagRepositoryTest, MergeMovesReportAndCaseLinksAndCollapsesDuplicates) {
  ASSERT_TRUE(*AddReportTag(*db_, first_, a_.id));
  ASSERT_TRUE(*AddReportTag(*db_, second_, a_.id));
  ASSERT_TRUE(*AddReportTag(*db_, first_, b_.id));  // first carries both: collapses
  LinkCase("c1", a_.id);
  LinkCase("c1", b_.id);  // collapses
  LinkCase("c2", a_.id);

  const auto moved = MergeTag(*db_, a_.id, b_.id);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->report_links, 2);
  EXPECT_EQ(moved->case_links, 2);
  EXPECT_FALSE(FindTag(*db_, a_.id)->has_value());
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM report_tags WHERE tag_id = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"), 0);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM report_tags WHERE tag_id = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'"), 2);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM case_tags WHERE tag_id = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'"), 2);
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM case_tags"), 2);
  EXPECT_EQ(*ListReportTags(*db_, second_.id), std::vector<TagRecord>{b_});
  // The copied links keep each report's received day.
  EXPECT_EQ(QueryInt(*db_,
                     "SELECT count(*) FROM report_tags JOIN reports ON reports.id = report_tags.report_id "
                     "WHERE reports.received_day = report_tags.received_day"),
            2);

  const auto counts = CountTagLinksOfDesk(*db_, "voice");
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->at(b_.id), (TagLinkCounts{2, 2}));
  EXPECT_TRUE(CountTagLinksOfDesk(*db_, "other")->empty());
}

TEST_F(TagRepositoryTest, MergeRefusesSelfAndMissingTagsAndChangesNothing) {
  ASSERT_TRUE(*AddReportTag(*db_, first_, a_.id));
  EXPECT_EQ(MergeTag(*db_, a_.id, a_.id).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(MergeTag(*db_, a_.id, std::string(32, 'c')).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(MergeTag(*db_, std::string(32, 'c'), a_.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(FindTag(*db_, a_.id)->has_value());
  EXPECT_EQ(QueryInt(*db_, "SELECT count(*) FROM report_tags"), 1);
}

}  // namespace
}  // namespace pillarbox::store
