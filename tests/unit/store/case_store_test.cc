// The case tables through the store functions: rows, links, timeline, notes,
// the list query and moving links (merge).
#include <gtest/gtest.h>

#include <limits>

#include "store/case_events.h"
#include "store/case_links.h"
#include "store/case_note_rows.h"
#include "store/case_queries.h"
#include "store/case_rows.h"
#include "store/report_rows.h"
#include "store/user_repository.h"
#include "store_test_util.h"
#include "support/sealed_report_fixture.h"

namespace pillarbox::store {
namespace {

class CaseStoreTest : public test::MigratedDatabaseTest {
 protected:
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("desk_a", {"voice_cloning"}, 1)).ok());
    ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("desk_b", {"workplace_ai_harm"}, 50)).ok());
  }

  CaseRecord Case(const std::string& id, const std::string& desk = "desk_a") {
    CaseRecord record;
    record.id = id;
    record.desk_id = desk;
    record.desk_sealed_data_key = {1, 2, 3};
    record.created_day = "2024-06-15";
    EXPECT_TRUE(InsertCase(*db_, record, {{"title", {9}}, {"summary", {8}}}).ok());
    return record;
  }

  std::string Report(const std::string& status = "new") {
    intake::SealedReport report = pillarbox::testing::MakeSealedReport("desk_a");
    EXPECT_TRUE(InsertSealedReport(*db_, report).ok());
    if (status != "new") {
      static constexpr char kSql[] = "UPDATE reports SET status = ? WHERE id = ?";
      auto update = db_->Prepare(kSql);
      (*update)->BindText(1, status);
      (*update)->BindText(2, report.id);
      EXPECT_TRUE((*update)->Run().ok());
    }
    return report.id;
  }
};

TEST_F(CaseStoreTest, RowsRoundTripAndChange) {
  const CaseRecord record = Case(std::string(32, '1'));
  auto loaded = LoadCase(*db_, record.id);
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  CaseRecord expected = record;
  expected.position = (*loaded)->position;
  EXPECT_EQ(**loaded, expected);
  EXPECT_FALSE(LoadCase(*db_, std::string(32, '2'))->has_value());

  ASSERT_TRUE(ReplaceCaseField(*db_, record.id, {"title", {7, 7}}).ok());
  EXPECT_EQ(*LoadCaseFields(*db_, record.id),
            (std::vector<SealedCaseField>{{"summary", {8}}, {"title", {7, 7}}}));
  EXPECT_EQ(ReplaceCaseField(*db_, record.id, {"colour", {1}}).code(), StatusCode::kConflict);
  EXPECT_EQ(*BumpCaseRevision(*db_, record.id), 1);
  EXPECT_EQ(*BumpCaseRevision(*db_, record.id), 2);
  EXPECT_EQ(BumpCaseRevision(*db_, std::string(32, '2')).status().code(), StatusCode::kNotFound);
  const CaseRecord target = Case(std::string(32, '3'));
  ASSERT_TRUE(SetCaseStatus(*db_, record.id, "merged", target.id, "2024-06-15").ok());
  EXPECT_EQ((*LoadCase(*db_, record.id))->merged_into, target.id);
  EXPECT_EQ(SetCaseStatus(*db_, record.id, "pending", "", "2024-06-15").code(), StatusCode::kConflict);
  EXPECT_EQ(SetCaseStatus(*db_, std::string(32, '2'), "open", "", "2024-06-15").code(), StatusCode::kNotFound);
  EXPECT_EQ(InsertCase(*db_, record, {}).code(), StatusCode::kConflict);
}

TEST_F(CaseStoreTest, LinksAreIdempotentAndMarkReportsOnce) {
  const CaseRecord record = Case(std::string(32, '1'));
  const std::string report = Report("in_review");
  EXPECT_TRUE(*InsertCaseReport(*db_, record.id, report, "2024-06-15"));
  EXPECT_FALSE(*InsertCaseReport(*db_, record.id, report, "2024-06-16"));
  EXPECT_EQ(InsertCaseReport(*db_, record.id, std::string(32, 'f'), "2024-06-15").status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(*MarkReportLinkedToCase(*db_, report), "in_review");
  EXPECT_EQ(*MarkReportLinkedToCase(*db_, report), "");
  EXPECT_EQ(test::QueryInt(*db_, "SELECT revision FROM reports WHERE status = 'linked_to_case'"), 1);
  const std::string closed = Report("closed");
  EXPECT_EQ(*MarkReportLinkedToCase(*db_, closed), "");
  EXPECT_EQ(*CountCaseReports(*db_, record.id), 1);
  EXPECT_EQ(ListCaseReports(*db_, record.id)->front().status, "linked_to_case");
  EXPECT_TRUE(*DeleteCaseReport(*db_, record.id, report));
  EXPECT_FALSE(*DeleteCaseReport(*db_, record.id, report));

  ASSERT_TRUE(db_->Execute("INSERT INTO tags (id, name) VALUES ('" + std::string(32, 'a') + "', 'Beta'), ('" +
                           std::string(32, 'b') + "', 'alpha')")
                  .ok());
  EXPECT_TRUE(*TagExists(*db_, std::string(32, 'a')));
  EXPECT_FALSE(*TagExists(*db_, std::string(32, 'c')));
  EXPECT_TRUE(*InsertCaseTag(*db_, record.id, std::string(32, 'a')));
  EXPECT_TRUE(*InsertCaseTag(*db_, record.id, std::string(32, 'b')));
  EXPECT_FALSE(*InsertCaseTag(*db_, record.id, std::string(32, 'b')));
  EXPECT_EQ(*ListCaseTags(*db_, record.id),
            (std::vector<TagEntry>{{std::string(32, 'b'), "alpha"}, {std::string(32, 'a'), "Beta"}}));
  EXPECT_TRUE(*InsertCasePillar(*db_, record.id, "labor"));
  EXPECT_FALSE(*InsertCasePillar(*db_, record.id, "labor"));
  EXPECT_TRUE(*InsertCasePillar(*db_, record.id, "data"));
  EXPECT_EQ(*ListCasePillars(*db_, record.id), (std::vector<std::string>{"data", "labor"}));
  EXPECT_TRUE(*DeleteCasePillar(*db_, record.id, "data"));
}

TEST_F(CaseStoreTest, MoveCaseLinksKeepsOneOfEach) {
  const CaseRecord source = Case(std::string(32, '1')), target = Case(std::string(32, '2'));
  const std::string shared = Report(), mine = Report();
  for (const std::string& r : {shared, mine}) ASSERT_TRUE(InsertCaseReport(*db_, source.id, r, "2024-06-15").ok());
  ASSERT_TRUE(InsertCaseReport(*db_, target.id, shared, "2024-06-14").ok());
  ASSERT_TRUE(InsertCasePillar(*db_, source.id, "labor").ok());
  ASSERT_TRUE(InsertCasePillar(*db_, target.id, "labor").ok());
  EXPECT_EQ(*MoveCaseLinks(*db_, source.id, target.id), 1);
  EXPECT_EQ(*CountCaseReports(*db_, source.id), 0);
  EXPECT_EQ(*CountCaseReports(*db_, target.id), 2);
  EXPECT_TRUE(ListCasePillars(*db_, source.id)->empty());
  EXPECT_EQ(*ListCasePillars(*db_, target.id), std::vector<std::string>{"labor"});
}

TEST_F(CaseStoreTest, EventsAndNotesKeepTheirOrder) {
  const CaseRecord a = Case(std::string(32, '1')), b = Case(std::string(32, '2'));
  ASSERT_TRUE(AppendCaseEvent(*db_, a.id, {0, 100, "u", "case.created", ""}).ok());
  ASSERT_TRUE(AppendCaseEvent(*db_, b.id, {0, 101, "u", "case.created", ""}).ok());
  ASSERT_TRUE(AppendCaseEvent(*db_, a.id, {0, 102, "u", "case.title.changed", ""}).ok());
  const auto events = *ListCaseEvents(*db_, a.id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1], (CaseEventRecord{2, 102, "u", "case.title.changed", ""}));
  EXPECT_EQ(AppendCaseEvent(*db_, std::string(32, '9'), {0, 1, "u", "case.created", ""}).code(),
            StatusCode::kConflict);

  UserRecord user{std::string(32, 'u'), "alice", "reviewer", {1}, {1}, 1, 8192, std::vector<uint8_t>(32, 5),
                  {1}, {1}, {1}, {1}, false, "2024-06-15"};
  ASSERT_TRUE(InsertUser(*db_, user).ok());
  ASSERT_TRUE(InsertCaseNote(*db_, {std::string(32, 'n'), a.id, user.id, "", 200, {4}}).ok());
  ASSERT_TRUE(InsertCaseNote(*db_, {std::string(32, 'm'), a.id, user.id, "", 100, {3}}).ok());
  auto notes = *ListCaseNotes(*db_, a.id);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].id, std::string(32, 'm'));
  EXPECT_EQ(notes[0].author_username, "alice");
  ASSERT_TRUE(MoveCaseNote(*db_, std::string(32, 'm'), b.id, {6}).ok());
  EXPECT_EQ(ListCaseNotes(*db_, b.id)->front().ciphertext, std::vector<uint8_t>{6});
  EXPECT_EQ(MoveCaseNote(*db_, std::string(32, 'x'), b.id, {6}).code(), StatusCode::kNotFound);
}

// The queries force cases_by_desk (INDEXED BY): they fail if it cannot serve them.
TEST_F(CaseStoreTest, ListPagesNewestFirstWithTheDeskIndex) {
  std::vector<std::string> ids;
  for (char c : std::string("123456")) ids.push_back(Case(std::string(32, c)).id);
  Case(std::string(32, '7'), "desk_b");
  ASSERT_TRUE(SetCaseStatus(*db_, ids[2], "closed", "", "2024-06-15").ok());
  auto first = ListDeskCases(*db_, "desk_a", "", std::numeric_limits<int64_t>::max(), 4);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 4u);
  EXPECT_EQ((*first)[0].record.id, ids[5]);
  EXPECT_EQ((*first)[0].sealed_title, std::vector<uint8_t>{9});
  auto rest = ListDeskCases(*db_, "desk_a", "", first->back().record.position, 4);
  ASSERT_EQ(rest->size(), 2u);
  EXPECT_EQ(rest->back().record.id, ids[0]);
  auto closed = ListDeskCases(*db_, "desk_a", "closed", std::numeric_limits<int64_t>::max(), 4);
  ASSERT_EQ(closed->size(), 1u);
  EXPECT_EQ(closed->front().record.id, ids[2]);
}

}  // namespace
}  // namespace pillarbox::store
