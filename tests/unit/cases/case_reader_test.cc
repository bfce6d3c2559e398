#include "cases/case_reader.h"

#include <gtest/gtest.h>

#include "case_test_fixture.h"

namespace pillarbox::cases::test {
namespace {

using CaseReaderTest = CaseServicesTest;

TEST_F(CaseReaderTest, ListShowsTheCallersDesksNewestFirstInPages) {
  std::vector<std::string> voice;
  for (int i = 0; i < 5; ++i) voice.push_back(CreateCase(*both_, kVoice, "voice " + std::to_string(i)));
  const std::string work = CreateCase(*both_, kWork, "work");
  ASSERT_TRUE(services_->editor.Update(*both_, voice[1], {0, std::nullopt, std::nullopt, "closed"}).ok());
  const std::string report = AddReport(kVoice);
  ASSERT_TRUE(services_->linker.AddReport(*both_, voice[4], report).ok());
  ASSERT_TRUE(services_->linker.AddPillar(*both_, voice[4], "data").ok());

  auto first = services_->reader.List(*alice_, "", 3, "");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->cases.size(), 3u);
  EXPECT_EQ(first->cases[0].record.id, voice[4]);
  EXPECT_EQ(first->cases[0].title, "voice 4");
  EXPECT_EQ(first->cases[0].report_count, 1);
  EXPECT_EQ(first->cases[0].pillars, std::vector<std::string>{"data"});
  EXPECT_EQ(first->cases[2].record.id, voice[2]);
  ASSERT_FALSE(first->next_cursor.empty());
  auto second = services_->reader.List(*alice_, "", 3, first->next_cursor);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->cases.size(), 2u);
  EXPECT_EQ(second->cases[1].record.id, voice[0]);
  EXPECT_TRUE(second->next_cursor.empty());

  auto closed = services_->reader.List(*alice_, "closed", 50, "");
  ASSERT_EQ(closed->cases.size(), 1u);
  EXPECT_EQ(closed->cases[0].record.id, voice[1]);
  auto everything = services_->reader.List(*both_, "", 50, "");
  ASSERT_EQ(everything->cases.size(), 6u);
  EXPECT_EQ(everything->cases[0].record.id, work);
  EXPECT_EQ(services_->reader.List(*bob_, "", 50, "")->cases.size(), 1u);

  EXPECT_EQ(services_->reader.List(*alice_, "pending", 50, "").status().field(), "status");
  EXPECT_EQ(services_->reader.List(*alice_, "", 0, "").status().field(), "limit");
  EXPECT_EQ(services_->reader.List(*alice_, "", 101, "").status().field(), "limit");
  EXPECT_EQ(services_->reader.List(*alice_, "", 5, "12x").status().field(), "after");
  EXPECT_EQ(services_->reader.List(*partner_, "", 5, "").status().code(), StatusCode::kPermissionDenied);
}

TEST_F(CaseReaderTest, OpenCountsReportsOfOtherDesksWithoutNamingThem) {
  const std::string id = CreateCase(*both_, kVoice, "mixed", "a summary");
  const std::string voice_report = AddReport(kVoice), work_report = AddReport(kWork);
  ASSERT_TRUE(services_->linker.AddReport(*both_, id, voice_report).ok());
  ASSERT_TRUE(services_->linker.AddReport(*both_, id, work_report).ok());

  auto as_alice = services_->reader.Open(*alice_, id);
  ASSERT_TRUE(as_alice.ok()) << as_alice.status().ToString();
  ASSERT_EQ(as_alice->reports.size(), 1u);
  EXPECT_EQ(as_alice->reports[0].report_id, voice_report);
  EXPECT_EQ(as_alice->hidden_report_count, 1);
  for (const auto& event : as_alice->timeline) {
    EXPECT_EQ(event.detail.find(work_report), std::string::npos) << event.event;
  }
  EXPECT_EQ(as_alice->timeline.back().detail, "report=hidden");
  auto as_admin = services_->reader.Open(*both_, id);
  EXPECT_EQ(as_admin->reports.size(), 2u);
  EXPECT_EQ(as_admin->hidden_report_count, 0);
  EXPECT_EQ(as_admin->summary, "a summary");
  EXPECT_EQ(as_admin->timeline.front().event, "case.created");
  ASSERT_EQ(as_admin->timeline.size(), 3u);
  EXPECT_EQ(as_admin->timeline.back().detail, "report=" + work_report + ";report_status=linked_to_case");

  EXPECT_EQ(services_->reader.Open(*bob_, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->reader.Open(*researcher_, id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.viewed' AND object_id = ?", id), 2);
}

}  // namespace
}  // namespace pillarbox::cases::test
