// StatsService on a migrated database: counts per month over single- and
// multi-valued dimensions (checked against the seeded rows), frozen
// threshold releases, the DP ledger (exact micro-epsilon, refusal when
// spent, audit entry in the same write), and the role and parameter checks.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/embedded_file.h"
#include "stats/stats_service.h"
#include "store/database.h"
#include "store/group_commit_writer.h"
#include "store/migrations.h"
#include "store/reader_pool.h"
#include "store/row_loop.h"
#include "store/stats_queries.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace pillarbox::stats {
namespace {

// SplitMix64 with a fixed seed: reproducible noise (modulo bias is irrelevant here).
class SeededSource final : public UniformSource {
 public:
  uint64_t Below(uint64_t bound) override {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) % bound;
  }

 private:
  uint64_t state_ = 42;
};

accounts::Session SessionAs(const std::string& user_id, const std::string& role) {
  return accounts::Session{{user_id, "u", role}, accounts::UnlockedKeys{privacy::BoxKeyPair::Generate(), {}}, 0};
}

class StatsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("stats.db");
    auto db = store::Database::Open(path_, store::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    setup_ = std::move(*db);
    ASSERT_TRUE(store::ApplyMigrations(*setup_, EmbeddedMigrations()).ok());
    Exec("INSERT INTO desks (id, name, key_version, public_key) VALUES ('voice_cloning', 'Voice', 1, zeroblob(32))");
    Exec("INSERT INTO users (id, username, role, password_salt, password_verifier, kdf_operations, kdf_memory_bytes, "
         "public_key, password_wrapped_key, recovery_salt, recovery_wrapped_key, sealed_totp_secret, created_day) "
         "VALUES ('researcher1', 'r', 'researcher', x'00', x'00', 1, 1, zeroblob(32), x'00', x'00', x'00', x'00', "
         "'2024-01-01')");
    auto readers = store::ReaderPool::Open(path_, 1);
    auto writer_db = store::Database::Open(path_, store::OpenMode::kReadWrite);
    ASSERT_TRUE(readers.ok() && writer_db.ok());
    readers_ = std::move(*readers);
    writer_ = std::make_unique<store::GroupCommitWriter>(std::move(*writer_db), store::GroupCommitWriter::Options{});
    StatsVocabulary vocabulary;
    vocabulary.dimensions = {
        {"kind", {"voice_cloning", "workplace_ai_harm"}, false, 1, {store::StatsSource::kKind, ""}},
        {"region", {"europe", "africa"}, false, 1, {store::StatsSource::kRegion, ""}},
        {"pillar", {"labor", "data"}, true, 2, {store::StatsSource::kPillar, ""}},
        {"answer.consent", {"never_asked", "refused"}, true, 1, {store::StatsSource::kAnswer, "consent"}},
    };
    auto service = StatsService::Make(*readers_, *writer_, key_, clock_, std::move(vocabulary),
                                      {.threshold = 5, .epsilon_budget_micro = 1'500'000}, random_);
    ASSERT_TRUE(service.ok());
    service_ = std::move(*service);
  }

  void TearDown() override { writer_->Stop(); }

  void Exec(const std::string& sql) { ASSERT_TRUE(setup_->Execute(sql).ok()) << sql; }

  // `count` reports of `kind`/`region` on `day`, each with `pillars` and `consent`.
  void Seed(int count, const std::string& day, const std::string& kind, const std::string& region,
            const std::vector<std::string>& pillars = {}, const std::string& consent = "", int demo = 0) {
    for (int i = 0; i < count; ++i) {
      const std::string id = "r" + std::to_string(next_id_++);
      Exec("INSERT INTO reports (id, kind, desk_id, desk_key_version, received_day, region, sector, "
           "desk_sealed_data_key, reporter_wrapped_data_key, lookup_id, demo) VALUES ('" + id + "', '" + kind +
           "', 'voice_cloning', 1, '" + day + "', '" + region + "', 'finance', x'00', x'00', randomblob(32), " +
           std::to_string(demo) + ")");
      for (const auto& pillar : pillars) {
        Exec("INSERT INTO report_pillars (pillar, received_day, report_id) VALUES ('" + pillar + "', '" + day +
             "', '" + id + "')");
      }
      if (!consent.empty()) {
        Exec("INSERT INTO report_clear_answers (report_id, field, value) VALUES ('" + id + "', 'consent', '" +
             consent + "')");
      }
    }
  }

  int64_t Count(const std::string& sql) {
    auto select = setup_->Prepare(sql.c_str());
    int64_t value = -1;
    EXPECT_TRUE(select.ok());
    EXPECT_TRUE(store::ForEachRow(**select, [&value](store::Statement& row) { value = row.ColumnInt64(0); }).ok());
    return value;
  }

  Result<StatsAnswer> Ask(const std::string& group_by, const std::string& mechanism = "threshold",
                          std::optional<std::string> epsilon = std::nullopt, const std::string& role = "researcher") {
    return service_->Query(SessionAs("researcher1", role),
                           StatsRequest{group_by, "2024-03", "2024-04", mechanism, std::move(epsilon)});
  }

  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Database> setup_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<store::GroupCommitWriter> writer_;
  privacy::SecretKey key_ = privacy::SecretKey::Random();
  testing::ManualClock clock_{1718452800};  // 2024-06-15
  SeededSource random_;
  std::unique_ptr<StatsService> service_;
  int next_id_ = 0;
};

TEST_F(StatsServiceTest, CountsSingleAndMultiValuedDimensionsPerMonth) {
  Seed(6, "2024-03-02", "voice_cloning", "europe", {"labor", "data"}, "refused");
  Seed(7, "2024-03-30", "workplace_ai_harm", "africa", {"labor"});
  Seed(9, "2024-04-10", "voice_cloning", "africa", {}, "never_asked");
  Seed(50, "2024-04-11", "voice_cloning", "africa", {}, "", /*demo=*/1);  // never counted
  Seed(3, "2024-05-01", "voice_cloning", "europe");                        // outside the range

  auto lease = readers_->Acquire();
  auto rows = store::CountReportsPerMonth(lease.db(), {{store::StatsSource::kKind, ""}, {store::StatsSource::kRegion, ""}},
                                          "2024-03", "2024-04");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, (std::vector<store::StatsRow>{{"2024-03", {"voice_cloning", "europe"}, 6},
                                                 {"2024-03", {"workplace_ai_harm", "africa"}, 7},
                                                 {"2024-04", {"voice_cloning", "africa"}, 9}}));
  auto pillars = store::CountReportsPerMonth(lease.db(), {{store::StatsSource::kPillar, ""}}, "2024-03", "2024-04");
  ASSERT_TRUE(pillars.ok());
  EXPECT_EQ(*pillars, (std::vector<store::StatsRow>{{"2024-03", {"data"}, 6}, {"2024-03", {"labor"}, 13}}));
  auto answers = store::CountReportsPerMonth(
      lease.db(), {{store::StatsSource::kRegion, ""}, {store::StatsSource::kAnswer, "consent"}}, "2024-03", "2024-04");
  ASSERT_TRUE(answers.ok());
  EXPECT_EQ(*answers, (std::vector<store::StatsRow>{{"2024-03", {"europe", "refused"}, 6},
                                                    {"2024-04", {"africa", "never_asked"}, 9}}));
}

TEST_F(StatsServiceTest, ThresholdReleasesAreLoggedAndFrozen) {
  Seed(6, "2024-03-02", "voice_cloning", "europe");
  Seed(2, "2024-03-03", "voice_cloning", "africa");  // under k = 5
  Seed(20, "2024-03-04", "workplace_ai_harm", "europe");
  Seed(8, "2024-03-05", "workplace_ai_harm", "africa");
  auto first = Ask("region,kind");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->dimensions, (std::vector<std::string>{"kind", "region"}));
  ASSERT_EQ(first->cells.size(), 8u);  // 2 months x 2 kinds x 2 regions
  EXPECT_EQ(first->cells[1].values, (std::vector<std::string>{"voice_cloning", "africa"}));
  EXPECT_TRUE(first->cells[1].suppressed);
  EXPECT_EQ(first->remaining_budget, "1.5");
  // Margins were released first: total, kind, region (and the table), per month.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stats_released_tables"), 8);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stats_released_cells WHERE group_by = 'kind,region' AND count IS NULL"),
            [&] {
              int64_t n = 0;
              for (const auto& cell : first->cells) n += cell.suppressed ? 1 : 0;
              return n;
            }());
  Exec("DELETE FROM reports WHERE kind = 'workplace_ai_harm'");
  auto again = Ask("kind,region");
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->cells.size(), first->cells.size());
  for (size_t i = 0; i < again->cells.size(); ++i) {
    EXPECT_EQ(again->cells[i].suppressed, first->cells[i].suppressed);
    EXPECT_EQ(again->cells[i].count, first->cells[i].count);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'stats.queried' AND detail = 'mechanism=threshold'"),
            2);
}

TEST_F(StatsServiceTest, DpChargesTheLedgerExactlyAndRefusesWhenSpent) {
  Seed(12, "2024-03-02", "voice_cloning", "europe", {"labor"});
  auto first = Ask("pillar", "dp", "0.75");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->epsilon, "0.75");
  EXPECT_EQ(first->remaining_budget, "0.75");
  ASSERT_EQ(first->cells.size(), 4u);  // every cell of both months, zeros included
  auto second = Ask("kind", "dp", "0.75");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->remaining_budget, "0");
  auto refused = Ask("kind", "dp", "0.000001");
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(refused.status().field(), "epsilon");
  EXPECT_EQ(Count("SELECT spent_micro FROM stats_budgets WHERE user_id = 'researcher1'"), 1'500'000);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stats_charges"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE detail = 'mechanism=dp;epsilon=0.75'"), 2);
}

TEST_F(StatsServiceTest, RolesAndParameters) {
  EXPECT_EQ(Ask("kind", "threshold", std::nullopt, "reviewer").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Ask("kind", "threshold", std::nullopt, "admin").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Ask("desk").status().field(), "group_by");
  EXPECT_EQ(Ask("kind,region,pillar,answer.consent").status().field(), "group_by");
  EXPECT_EQ(Ask("kind", "dp").status().field(), "epsilon");
  EXPECT_EQ(Ask("kind", "dp", "0").status().field(), "epsilon");
  EXPECT_EQ(Ask("kind", "dp", "1e3").status().field(), "epsilon");
  EXPECT_EQ(Ask("kind", "laplace").status().field(), "mechanism");
  auto current = service_->Query(SessionAs("researcher1", "researcher"),
                                 StatsRequest{"kind", "2024-05", "2024-06", std::nullopt, std::nullopt});
  EXPECT_EQ(current.status().field(), "to");  // June 2024 is not complete yet
  auto reversed = service_->Query(SessionAs("researcher1", "researcher"),
                                  StatsRequest{"kind", "2024-04", "2024-03", std::nullopt, std::nullopt});
  EXPECT_EQ(reversed.status().field(), "from");
  EXPECT_EQ(FormatMicro(10'000'000), "10");
  EXPECT_EQ(FormatMicro(1'050'000), "1.05");
  EXPECT_EQ(FormatMicro(1), "0.000001");
}

}  // namespace
}  // namespace pillarbox::stats
