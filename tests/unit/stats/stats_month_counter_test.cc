// CountReportsPerMonth (store/stats_queries.h) against a reference: the plain
// SQL join it replaced (one row per report and combination of link values,
// grouped by month and values), over a generated database with several
// values per report in every multi-valued source, demo reports, reports
// outside the range and in several cases, on one connection and split over
// two. The counts must be identical.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/embedded_file.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/row_loop.h"
#include "store/stats_queries.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

// SplitMix64 with a fixed seed: the same dataset every run.
class Generator {
 public:
  uint64_t Below(uint64_t bound) {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) % bound;
  }
  template <size_t N>
  const char* Pick(const char* const (&values)[N]) {
    return values[Below(N)];
  }

 private:
  uint64_t state_ = 7;
};

constexpr const char* kKinds[] = {"voice_cloning", "workplace_ai_harm", "deepfake"};
constexpr const char* kRegions[] = {"europe", "africa", "asia", "north_america"};
constexpr const char* kSectors[] = {"finance", "health", "education", "public_administration", "media"};
constexpr const char* kStatuses[] = {"new", "triaged", "closed"};
constexpr const char* kPillars[] = {"labor", "data", "consent", "safety"};
constexpr const char* kConsent[] = {"never_asked", "refused", "agreed"};
constexpr const char* kActionKinds[] = {"protest_campaign", "alternatives", "legal_action"};
constexpr const char* kCaseStatuses[] = {"open", "closed", "merged"};
constexpr const char* kDays[] = {"2024-02-28", "2024-03-01", "2024-03-17", "2024-03-31", "2024-04-02",
                                 "2024-04-30", "2024-05-15", "2024-06-01", "2024-07-04"};

class StatsMonthCounterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("stats.db"), OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations()).ok());
    auto helper = Database::Open(dir_.File("stats.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(helper.ok());
    helper_ = std::move(*helper);
    Exec("BEGIN");
    Exec("INSERT INTO desks (id, name, key_version, public_key) VALUES ('voice_cloning', 'Voice', 1, zeroblob(32))");
    for (int a = 0; a < 8; ++a) {
      Exec("INSERT INTO actions (id, kind, subtype, name, organization, jurisdiction, region, status) VALUES ('a" +
           std::to_string(a) + "', '" + gen_.Pick(kActionKinds) + "', 'lawsuit', 'A', '', '', 'europe', 'active')");
    }
    for (int c = 0; c < 12; ++c) {
      const std::string id = "c" + std::to_string(c);
      Exec("INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, status, created_day) VALUES ('" +
           id + "', 'voice_cloning', 1, x'00', '" + gen_.Pick(kCaseStatuses) + "', '2024-01-01')");
      // Some cases have no action, some several (kinds may repeat: counted once per report).
      const uint64_t actions = gen_.Below(4);
      for (uint64_t i = 0; i < actions; ++i) {
        Exec("INSERT OR IGNORE INTO case_actions (case_id, action_id) VALUES ('" + id + "', 'a" +
             std::to_string(gen_.Below(8)) + "')");
      }
    }
    for (int r = 0; r < 700; ++r) {
      // Mostly 32 lowercase hex digits (as intake makes them), some not (counted
      // through the slow path); not in day order.
      const uint64_t number = static_cast<uint64_t>(r) * 7919 % 1000;
      char hex[40];
      std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(number * 0x9e3779b97f4a7c15ULL),
                    static_cast<unsigned long long>(number));
      const std::string id = r % 5 == 0 ? "rep" + std::to_string(number) : std::string(hex);
      const std::string day = gen_.Pick(kDays);
      const int demo = gen_.Below(10) == 0 ? 1 : 0;
      Exec("INSERT INTO reports (id, kind, desk_id, desk_key_version, received_day, region, sector, status, "
           "desk_sealed_data_key, reporter_wrapped_data_key, lookup_id, demo) VALUES ('" + id + "', '" +
           gen_.Pick(kKinds) + "', 'voice_cloning', 1, '" + day + "', '" + gen_.Pick(kRegions) + "', '" +
           gen_.Pick(kSectors) + "', '" + gen_.Pick(kStatuses) + "', x'00', x'00', randomblob(32), " +
           std::to_string(demo) + ")");
      for (const char* pillar : kPillars) {
        if (gen_.Below(2) == 0) {
          Exec("INSERT INTO report_pillars (pillar, received_day, report_id) VALUES ('" + std::string(pillar) +
               "', '" + day + "', '" + id + "')");
        }
      }
      for (const char* value : kConsent) {  // multi-valued answer: 0 to 3 values
        if (gen_.Below(3) == 0) {
          Exec("INSERT INTO report_clear_answers (report_id, field, value) VALUES ('" + id + "', 'consent', '" +
               value + "')");
        }
      }
      if (gen_.Below(4) == 0) {  // another field, never counted under consent
        Exec("INSERT INTO report_clear_answers (report_id, field, value) VALUES ('" + id + "', 'channel', '" +
             gen_.Pick(kConsent) + "')");
      }
      const uint64_t cases = gen_.Below(3) == 0 ? 1 + gen_.Below(3) : 0;
      for (uint64_t i = 0; i < cases; ++i) {
        Exec("INSERT OR IGNORE INTO case_reports (case_id, report_id, added_day) VALUES ('c" +
             std::to_string(gen_.Below(12)) + "', '" + id + "', '2024-01-01')");
      }
    }
    Exec("COMMIT");
  }

  void Exec(const std::string& sql) { ASSERT_TRUE(db_->Execute(sql).ok()) << sql; }

  // The reference: the SQL join the in-memory counting replaced.
  std::vector<StatsRow> Reference(const std::vector<StatsColumn>& columns, const std::string& from_month,
                                  const std::string& to_month) {
    std::string select = "SELECT substr(r.received_day, 1, 7) AS month";
    std::string joins;
    std::string group = " GROUP BY month";
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string alias = "d" + std::to_string(i);
      std::string expression;
      switch (columns[i].source) {
        case StatsSource::kKind: expression = "r.kind"; break;
        case StatsSource::kRegion: expression = "r.region"; break;
        case StatsSource::kSector: expression = "r.sector"; break;
        case StatsSource::kStatus: expression = "r.status"; break;
        case StatsSource::kPillar:
          joins += " JOIN report_pillars " + alias + " ON " + alias + ".report_id = r.id";
          expression = alias + ".pillar";
          break;
        case StatsSource::kActionKind:
          joins += " JOIN (SELECT DISTINCT cr.report_id AS report_id, a.kind AS value FROM case_reports cr "
                   "JOIN case_actions ca ON ca.case_id = cr.case_id JOIN actions a ON a.id = ca.action_id) " +
                   alias + " ON " + alias + ".report_id = r.id";
          expression = alias + ".value";
          break;
        case StatsSource::kCaseStatus:
          joins += " JOIN (SELECT DISTINCT cr.report_id AS report_id, c.status AS value FROM case_reports cr "
                   "JOIN cases c ON c.id = cr.case_id) " + alias + " ON " + alias + ".report_id = r.id";
          expression = alias + ".value";
          break;
        case StatsSource::kAnswer:
          joins += " JOIN report_clear_answers " + alias + " ON " + alias + ".report_id = r.id AND " + alias +
                   ".field = '" + columns[i].answer_field + "'";
          expression = alias + ".value";
          break;
      }
      select += ", " + expression;
      group += ", " + expression;
    }
    const std::string sql = select + ", COUNT(*) FROM reports r" + joins + " WHERE r.received_day BETWEEN '" +
                            from_month + "-01' AND '" + to_month + "-31' AND r.demo = 0" + group;
    // Database::Prepare caches statements by text pointer: keep each text alive
    // at one address.
    const char* text = sql_texts_.insert(sql).first->c_str();
    auto statement = db_->Prepare(text);
    EXPECT_TRUE(statement.ok()) << sql;
    std::vector<StatsRow> rows;
    if (!statement.ok()) return rows;
    const int width = static_cast<int>(columns.size());
    EXPECT_TRUE(ForEachRow(**statement, [&rows, width](Statement& row) {
                  StatsRow out{row.ColumnText(0), {}, row.ColumnInt64(width + 1)};
                  for (int i = 0; i < width; ++i) out.values.push_back(row.ColumnText(1 + i));
                  rows.push_back(std::move(out));
                }).ok());
    std::sort(rows.begin(), rows.end(), [](const StatsRow& a, const StatsRow& b) {
      return std::tie(a.month, a.values) < std::tie(b.month, b.values);
    });
    return rows;
  }

  testing::TempDir dir_;
  std::set<std::string> sql_texts_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Database> helper_;  // a second connection: reads split over two threads
  Generator gen_;
};

TEST_F(StatsMonthCounterTest, MatchesTheReferenceJoinForEveryShape) {
  const StatsColumn kind{StatsSource::kKind, ""}, region{StatsSource::kRegion, ""}, sector{StatsSource::kSector, ""},
      status{StatsSource::kStatus, ""}, pillar{StatsSource::kPillar, ""}, action{StatsSource::kActionKind, ""},
      case_status{StatsSource::kCaseStatus, ""}, consent{StatsSource::kAnswer, "consent"};
  const std::vector<std::vector<StatsColumn>> shapes = {
      {},
      {kind},
      {sector, status},
      {status},
      {region, status},
      {kind, sector},
      {status, kind, region},
      {pillar},
      {pillar, sector},
      {sector, pillar},
      {action},
      {case_status, region},
      {consent, region},
      {pillar, consent, action},
      {consent, case_status, pillar},
      {pillar, pillar},
  };
  for (const auto& shape : shapes) {
    // One month (split by days with a helper), two, and six (split by months;
    // days outside the range on both sides).
    for (const auto& [from, to] :
         {std::pair{"2024-03", "2024-04"}, std::pair{"2024-02", "2024-07"}, std::pair{"2024-03", "2024-03"}}) {
      const std::vector<StatsRow> expected = Reference(shape, from, to);
      EXPECT_FALSE(expected.empty());
      for (Database* helper : {static_cast<Database*>(nullptr), helper_.get()}) {
        auto rows = CountReportsPerMonth(*db_, shape, from, to, helper);
        ASSERT_TRUE(rows.ok()) << rows.status().ToString();
        EXPECT_EQ(*rows, expected) << "shape of " << shape.size() << " columns, first source "
                                   << (shape.empty() ? -1 : static_cast<int>(shape[0].source)) << ", " << from
                                   << ".." << to << (helper != nullptr ? ", two threads" : ", one thread");
      }
    }
  }
}

TEST_F(StatsMonthCounterTest, SubsetsCountedTogetherMatchTheReference) {
  const std::vector<std::vector<StatsColumn>> tables = {
      {{StatsSource::kPillar, ""}, {StatsSource::kSector, ""}},
      {{StatsSource::kAnswer, "consent"}, {StatsSource::kRegion, ""}, {StatsSource::kCaseStatus, ""}},
      {{StatsSource::kKind, ""}, {StatsSource::kPillar, ""}, {StatsSource::kActionKind, ""}},
  };
  for (const auto& columns : tables) {
    std::vector<std::vector<size_t>> subsets;
    for (uint32_t mask = 0; mask < (1u << columns.size()); ++mask) {
      std::vector<size_t> subset;
      for (size_t i = 0; i < columns.size(); ++i) {
        if ((mask & (1u << i)) != 0) subset.push_back(i);
      }
      subsets.push_back(subset);
    }
    for (Database* helper : {static_cast<Database*>(nullptr), helper_.get()}) {
      auto counted = CountSubsetsPerMonth(*db_, columns, subsets, "2024-02", "2024-06", helper);
      ASSERT_TRUE(counted.ok()) << counted.status().ToString();
      ASSERT_EQ(counted->size(), subsets.size());
      for (size_t s = 0; s < subsets.size(); ++s) {
        std::vector<StatsColumn> chosen;
        for (size_t i : subsets[s]) chosen.push_back(columns[i]);
        EXPECT_EQ((*counted)[s], Reference(chosen, "2024-02", "2024-06")) << "subset mask " << s;
      }
    }
  }
  EXPECT_FALSE(CountSubsetsPerMonth(*db_, {{StatsSource::kKind, ""}}, {{1}}, "2024-02", "2024-06").ok());
}

TEST_F(StatsMonthCounterTest, ReportsWithoutAValueAreNotCounted) {
  // Exactly the non-demo March-April reports with at least one pillar, counted once per pillar.
  auto rows = CountReportsPerMonth(*db_, {{StatsSource::kPillar, ""}}, "2024-03", "2024-04");
  ASSERT_TRUE(rows.ok());
  int64_t total = 0;
  for (const auto& row : *rows) total += row.count;
  auto select = db_->Prepare(
      "SELECT COUNT(*) FROM report_pillars p JOIN reports r ON r.id = p.report_id "
      "WHERE r.demo = 0 AND r.received_day BETWEEN '2024-03-01' AND '2024-04-31'");
  ASSERT_TRUE(select.ok());
  int64_t links = -1;
  ASSERT_TRUE(ForEachRow(**select, [&links](Statement& row) { links = row.ColumnInt64(0); }).ok());
  EXPECT_GT(links, 0);
  EXPECT_EQ(total, links);
}

}  // namespace
}  // namespace pillarbox::store
