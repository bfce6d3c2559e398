#include "cases/aggregates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "cases_fixture.h"
#include "privacy/bytes.h"

namespace pillarbox::cases {
namespace {

using test::ReportSpec;

// A 32-byte digest standing for one normalized name.
std::vector<uint8_t> Digest(uint8_t name) { return std::vector<uint8_t>(32, name); }

class AggregatesTest : public test::CasesDatabaseTest {
 protected:
  void SetUp() override {
    CasesDatabaseTest::SetUp();
    aggregates_ = std::make_unique<Aggregates>(*readers_);
  }

  // A report of `desk` on `day` naming organization `org` (0: none) and AI
  // system `system` (0: none).
  std::string Add(const std::string& desk, const std::string& day, uint8_t org, uint8_t system,
                  const std::string& sector = "finance", const std::vector<std::string>& pillars = {}) {
    intake::SealedReport report = pillarbox::testing::MakeSealedReport(desk);
    report.kind = desk;
    report.received_day = day;
    report.region = "europe";
    report.sector = sector;
    report.blind_indexes.clear();
    if (org != 0) report.blind_indexes.push_back({"organization", Digest(org)});
    if (system != 0) report.blind_indexes.push_back({"ai_system", Digest(system)});
    EXPECT_TRUE(store::InsertSealedReport(*setup_, report).ok());
    static constexpr char kPillarSql[] =
        "INSERT INTO report_pillars (pillar, received_day, report_id, desk_id, kind, region) "
        "SELECT ?1, ?2, ?3, desk_id, kind, region FROM reports WHERE id = ?3";
    for (const std::string& pillar : pillars) {
      auto insert = setup_->Prepare(kPillarSql);
      (*insert)->BindText(1, pillar);
      (*insert)->BindText(2, day);
      (*insert)->BindText(3, report.id);
      EXPECT_TRUE((*insert)->Run().ok());
    }
    return report.id;
  }

  // A case of `desk` with `status` holding `reports`.
  std::string AddCase(const std::string& desk, const std::string& status, const std::vector<std::string>& reports) {
    const std::string id = pillarbox::testing::RandomReportId();
    static constexpr char kCaseSql[] =
        "INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, status, created_day) "
        "VALUES (?, ?, 1, x'00', ?, '2024-06-01')";
    auto insert = setup_->Prepare(kCaseSql);
    (*insert)->BindText(1, id);
    (*insert)->BindText(2, desk);
    (*insert)->BindText(3, status);
    EXPECT_TRUE((*insert)->Run().ok());
    static constexpr char kLinkSql[] =
        "INSERT INTO case_reports (case_id, report_id, added_day) VALUES (?, ?, '2024-06-01')";
    for (const std::string& report : reports) {
      auto link = setup_->Prepare(kLinkSql);
      (*link)->BindText(1, id);
      (*link)->BindText(2, report);
      EXPECT_TRUE((*link)->Run().ok());
    }
    return id;
  }

  std::unique_ptr<Aggregates> aggregates_;
};

TEST_F(AggregatesTest, GroupsCountOnlyTheCallersDesksLargestFirst) {
  std::vector<std::string> org1;
  for (int i = 0; i < 5; ++i) org1.push_back(Add("voice_cloning", "2024-03-0" + std::to_string(i + 1), 1, 9));
  for (int i = 0; i < 3; ++i) Add("voice_cloning", "2024-04-0" + std::to_string(i + 1), 2, 0);
  Add("voice_cloning", "2024-04-09", 3, 0);  // a group of one
  for (int i = 0; i < 4; ++i) Add("workplace_ai_harm", "2024-05-0" + std::to_string(i + 1), 2, 0);

  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  auto groups = aggregates_->Groups(alice, "organization", 2, 50);
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].key, privacy::ToHex(Digest(1)));
  EXPECT_EQ((*groups)[0].count, 5);
  EXPECT_EQ((*groups)[0].sample_report_id, org1.back());  // the newest
  EXPECT_EQ((*groups)[1].key, privacy::ToHex(Digest(2)));
  EXPECT_EQ((*groups)[1].count, 3);

  // Bob sees both desks (every desk: the desk check is skipped).
  const auto bob = test::MakeSession(bob_, "reviewer", {"voice_cloning", "workplace_ai_harm"});
  groups = aggregates_->Groups(bob, "organization", 2, 50);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 2u);
  EXPECT_EQ((*groups)[0].key, privacy::ToHex(Digest(2)));
  EXPECT_EQ((*groups)[0].count, 7);
  groups = aggregates_->Groups(bob, "organization", 1, 50);
  ASSERT_TRUE(groups.ok());
  EXPECT_EQ(groups->size(), 3u);
  groups = aggregates_->Groups(bob, "organization", 1, 1);
  ASSERT_TRUE(groups.ok());
  EXPECT_EQ(groups->size(), 1u);
  groups = aggregates_->Groups(bob, "ai_system", 2, 50);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].key, privacy::ToHex(Digest(9)));
  EXPECT_EQ((*groups)[0].count, 5);
}

TEST_F(AggregatesTest, GroupsListOpenCasesOfTheCallersDesks) {
  const std::string a = Add("voice_cloning", "2024-03-01", 1, 0);
  const std::string b = Add("voice_cloning", "2024-03-02", 1, 0);
  const std::string c = Add("voice_cloning", "2024-03-03", 2, 0);
  Add("voice_cloning", "2024-03-04", 2, 0);
  const std::string open1 = AddCase("voice_cloning", "open", {a});
  const std::string open2 = AddCase("voice_cloning", "open", {b, c});
  AddCase("voice_cloning", "closed", {c});
  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  auto groups = aggregates_->Groups(alice, "organization", 2, 50);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 2u);
  std::map<std::string, std::vector<std::string>> cases;
  for (const auto& group : *groups) cases[group.key] = group.open_case_ids;
  std::vector<std::string> both{open1, open2};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(cases[privacy::ToHex(Digest(1))], both);
  EXPECT_EQ(cases[privacy::ToHex(Digest(2))], std::vector<std::string>{open2});
}

TEST_F(AggregatesTest, GroupReportsPageNewestFirstWithinTheCallersDesks) {
  std::vector<std::string> mine;
  for (int day = 1; day <= 7; ++day) mine.push_back(Add("voice_cloning", "2024-03-1" + std::to_string(day), 1, 0));
  Add("workplace_ai_harm", "2024-03-20", 1, 0);
  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  const std::string key = privacy::ToHex(Digest(1));
  std::vector<std::string> seen;
  std::string cursor;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = aggregates_->GroupReports(alice, "organization", key, 3, cursor);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const auto& report : page->reports) seen.push_back(report.id);
    cursor = page->next_cursor;
    if (cursor.empty()) break;
  }
  std::vector<std::string> expected(mine.rbegin(), mine.rend());
  EXPECT_EQ(seen, expected);
}

TEST_F(AggregatesTest, BadParametersAreNamed) {
  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  EXPECT_EQ(aggregates_->Groups(alice, "sector", 2, 50).status().field(), "by");
  EXPECT_EQ(aggregates_->Groups(alice, "organization", 0, 50).status().field(), "min");
  EXPECT_EQ(aggregates_->Groups(alice, "organization", 2, 0).status().field(), "limit");
  EXPECT_EQ(aggregates_->Groups(alice, "organization", 2, kMaxAggregateGroups + 1).status().field(), "limit");
  EXPECT_EQ(aggregates_->GroupReports(alice, "organization", "abc", 10, "").status().field(), "key");
  EXPECT_EQ(aggregates_->GroupReports(alice, "organization", std::string(64, 'z'), 10, "").status().field(), "key");
  EXPECT_EQ(aggregates_->GroupReports(alice, "organization", std::string(64, 'a'), 10, "x").status().field(),
            "after");
  EXPECT_EQ(aggregates_->Pillars(alice, "2024-13", "2024-12").status().field(), "from");
  EXPECT_EQ(aggregates_->Pillars(alice, "2024-05", "2024-04").status().field(), "to");
  const auto researcher = test::MakeSession(alice_, "researcher", {});
  EXPECT_TRUE(aggregates_->Groups(researcher, "organization", 2, 50).status().code() == StatusCode::kPermissionDenied);
  EXPECT_TRUE(aggregates_->Pillars(researcher, "2024-01", "2024-12").status().code() == StatusCode::kPermissionDenied);
}

TEST_F(AggregatesTest, RelatedGivesReasonsAndOpenCases) {
  const std::string self = Add("voice_cloning", "2024-03-10", 1, 9, "finance");
  const std::string same_org = Add("voice_cloning", "2024-01-05", 1, 0, "education");
  const std::string same_both = Add("voice_cloning", "2024-02-05", 1, 9, "education");
  const std::string same_month = Add("voice_cloning", "2024-03-28", 0, 0, "finance");
  Add("voice_cloning", "2024-04-01", 0, 0, "finance");    // next month
  Add("voice_cloning", "2024-03-11", 0, 0, "education");  // other sector
  Add("workplace_ai_harm", "2024-03-12", 1, 9, "finance");  // another desk
  const std::string open = AddCase("voice_cloning", "open", {same_org});
  AddCase("voice_cloning", "closed", {same_month});
  AddCase("voice_cloning", "open", {self});  // holds only the report itself: not listed
  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  auto related = aggregates_->Related(alice, self);
  ASSERT_TRUE(related.ok()) << related.status().ToString();
  std::map<std::string, std::vector<std::string>> reasons;
  std::vector<std::string> order;
  for (const auto& report : related->reports) {
    reasons[report.summary.id] = report.reasons;
    order.push_back(report.summary.id);
  }
  EXPECT_EQ(order, (std::vector<std::string>{same_month, same_both, same_org}));
  EXPECT_EQ(reasons[same_org], std::vector<std::string>{"organization"});
  EXPECT_EQ(reasons[same_both], (std::vector<std::string>{"organization", "ai_system"}));
  EXPECT_EQ(reasons[same_month], std::vector<std::string>{"kind_sector_month"});
  EXPECT_EQ(related->open_case_ids, std::vector<std::string>{open});

  const std::string other_desk = Add("workplace_ai_harm", "2024-03-13", 1, 0);
  EXPECT_TRUE(aggregates_->Related(alice, other_desk).status().code() == StatusCode::kNotFound);
  EXPECT_TRUE(aggregates_->Related(alice, std::string(32, '0')).status().code() == StatusCode::kNotFound);
}

TEST_F(AggregatesTest, PillarCountsByKindAndRegionInTheMonths) {
  Add("voice_cloning", "2024-03-10", 0, 0, "finance", {"labor", "data"});
  Add("voice_cloning", "2024-03-31", 0, 0, "finance", {"labor"});
  Add("voice_cloning", "2024-05-01", 0, 0, "finance", {"labor"});  // after `to`
  Add("workplace_ai_harm", "2024-03-10", 0, 0, "finance", {"labor"});
  const auto alice = test::MakeSession(alice_, "reviewer", {"voice_cloning"});
  auto counts = aggregates_->Pillars(alice, "2024-02", "2024-04");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(*counts, (std::vector<store::PillarCount>{{"data", "voice_cloning", "europe", 1},
                                                      {"labor", "voice_cloning", "europe", 2}}));
  const auto bob = test::MakeSession(bob_, "reviewer", {"voice_cloning", "workplace_ai_harm"});
  counts = aggregates_->Pillars(bob, "2024-03", "2024-03");
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->size(), 3u);
}

}  // namespace
}  // namespace pillarbox::cases
