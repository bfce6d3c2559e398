#include "cases/case_linker.h"

#include <gtest/gtest.h>

#include <thread>

#include "case_test_fixture.h"
#include "cases/pillars.h"

namespace pillarbox::cases::test {
namespace {

using CaseLinkerTest = CaseServicesTest;

TEST_F(CaseLinkerTest, AddingAReportLinksItAndMovesItsStatusOnce) {
  const std::string id = CreateCase(*alice_, kVoice);
  const std::string report = AddReport(kVoice, "acknowledged");
  auto added = services_->linker.AddReport(*alice_, id, report);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(added->changed);
  EXPECT_EQ(added->revision, 1);
  EXPECT_EQ(Text("SELECT status FROM reports WHERE id = ?", report), "linked_to_case");
  EXPECT_EQ(Count("SELECT revision FROM reports WHERE id = ?", report), 1);
  EXPECT_EQ(Text("SELECT detail FROM audit_log WHERE action = 'report.status.changed' AND object_id = ?", report),
            "from=acknowledged;to=linked_to_case;case=" + id);
  EXPECT_EQ(Text("SELECT detail FROM case_events WHERE case_id = ? AND event = 'case.report.added'", id),
            "report=" + report + ";report_status=linked_to_case");

  auto again = services_->linker.AddReport(*alice_, id, report);  // idempotent
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->revision, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM case_reports WHERE case_id = ?", id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ?", id), 2);

  // A second case: the report is already linked_to_case; nothing more changes on it.
  const std::string other = CreateCase(*alice_, kVoice);
  ASSERT_TRUE(services_->linker.AddReport(*alice_, other, report).ok());
  EXPECT_EQ(Count("SELECT revision FROM reports WHERE id = ?", report), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM case_reports WHERE report_id = ?", report), 2);
}

TEST_F(CaseLinkerTest, ClosedReportsKeepTheirStatus) {
  const std::string id = CreateCase(*alice_, kVoice);
  const std::string report = AddReport(kVoice, "closed");
  ASSERT_TRUE(services_->linker.AddReport(*alice_, id, report).ok());
  EXPECT_EQ(Text("SELECT status FROM reports WHERE id = ?", report), "closed");
  EXPECT_EQ(Count("SELECT revision FROM reports WHERE id = ?", report), 0);
}

TEST_F(CaseLinkerTest, InvisibleReportsAndCasesAreNotFound) {
  const std::string id = CreateCase(*alice_, kVoice);
  const std::string work_report = AddReport(kWork);
  for (const std::string& report : {work_report, std::string(32, 'c'), std::string("not-an-id")}) {
    auto added = services_->linker.AddReport(*alice_, id, report);
    EXPECT_EQ(added.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(added.status().field(), "");
  }
  EXPECT_EQ(services_->linker.AddReport(*bob_, id, work_report).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->linker.AddReport(*partner_, id, work_report).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM case_reports"), 0);
  EXPECT_EQ(Text("SELECT status FROM reports WHERE id = ?", work_report), "new");
}

TEST_F(CaseLinkerTest, RemovingAReportIsRecordedOnce) {
  const std::string id = CreateCase(*alice_, kVoice);
  const std::string report = AddReport(kVoice);
  ASSERT_TRUE(services_->linker.AddReport(*alice_, id, report).ok());
  auto removed = services_->linker.RemoveReport(*alice_, id, report);
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(removed->changed);
  EXPECT_EQ(removed->revision, 2);
  EXPECT_FALSE(services_->linker.RemoveReport(*alice_, id, report)->changed);
  EXPECT_EQ(Count("SELECT count(*) FROM case_reports"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.report.removed' AND object_id = ?", id), 1);
}

// Two reviewers add different reports to the same case at the same time: all land.
TEST_F(CaseLinkerTest, ConcurrentAddsAllLand) {
  const std::string id = CreateCase(*both_, kVoice);
  constexpr int kPerReviewer = 10;
  std::vector<std::string> voice_reports, more_voice_reports;
  for (int i = 0; i < kPerReviewer; ++i) voice_reports.push_back(AddReport(kVoice));
  for (int i = 0; i < kPerReviewer; ++i) more_voice_reports.push_back(AddReport(kVoice));
  auto carol = MakeSession("carol", "reviewer", {kVoice});
  auto add_all = [&](const accounts::Session& session, const std::vector<std::string>& reports) {
    for (const std::string& report : reports) {
      auto added = services_->linker.AddReport(session, id, report);
      EXPECT_TRUE(added.ok() && added->changed) << added.status().ToString();
    }
  };
  std::thread first(add_all, std::cref(*alice_), std::cref(voice_reports));
  std::thread second(add_all, std::cref(*carol), std::cref(more_voice_reports));
  first.join();
  second.join();
  EXPECT_EQ(Count("SELECT count(*) FROM case_reports WHERE case_id = ?", id), 2 * kPerReviewer);
  EXPECT_EQ(Count("SELECT revision FROM cases WHERE id = ?", id), 2 * kPerReviewer);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ? AND event = 'case.report.added'", id),
            2 * kPerReviewer);
}

TEST_F(CaseLinkerTest, TagsMustExist) {
  const std::string id = CreateCase(*alice_, kVoice);
  const std::string tag = AddTag("wage theft");
  for (const std::string& bad : {std::string(32, 'd'), std::string("wage theft")}) {
    auto added = services_->linker.AddTag(*alice_, id, bad);
    EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(added.status().field(), "tag");
  }
  EXPECT_TRUE(services_->linker.AddTag(*alice_, id, tag)->changed);
  EXPECT_FALSE(services_->linker.AddTag(*alice_, id, tag)->changed);
  auto view = services_->reader.Open(*alice_, id);
  ASSERT_EQ(view->tags.size(), 1u);
  EXPECT_EQ(view->tags[0].name, "wage theft");
  EXPECT_TRUE(services_->linker.RemoveTag(*alice_, id, tag)->changed);
  EXPECT_EQ(Count("SELECT count(*) FROM case_tags"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ?", id), 3);
}

TEST_F(CaseLinkerTest, PillarsAreTheNineValues) {
  const std::string id = CreateCase(*alice_, kVoice);
  for (std::string_view pillar : kPillars) EXPECT_TRUE(services_->linker.AddPillar(*alice_, id, pillar)->changed);
  for (const char* bad : {"Labor", "", "labour", "labor "}) {
    auto added = services_->linker.AddPillar(*alice_, id, bad);
    EXPECT_EQ(added.status().field(), "pillar") << bad;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM case_pillars WHERE case_id = ?", id), 9);
  EXPECT_TRUE(services_->linker.RemovePillar(*alice_, id, "labor")->changed);
  EXPECT_FALSE(services_->linker.RemovePillar(*alice_, id, "labor")->changed);
  EXPECT_EQ(Count("SELECT count(*) FROM case_pillars WHERE case_id = ?", id), 8);
  EXPECT_EQ(Text("SELECT detail FROM case_events WHERE case_id = ? AND event = 'case.pillar.removed'", id),
            "pillar=labor");
}

}  // namespace
}  // namespace pillarbox::cases::test
