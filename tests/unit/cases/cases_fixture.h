// Shared set-up of the cases unit tests: a migrated database with two desks
// (voice_cloning, workplace_ai_harm), reviewer accounts, reports written
// directly with chosen workflow columns, tags and pillars, and sessions built
// in memory (no login). Header-only.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "accounts/session_store.h"
#include "common/embedded_file.h"
#include "privacy/bytes.h"
#include "store/database.h"
#include "store/desk_repository.h"
#include "store/migrations.h"
#include "store/reader_pool.h"
#include "store/report_rows.h"
#include "store/user_repository.h"
#include "support/manual_clock.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"

namespace pillarbox::cases::test {

// What a test report looks like in clear.
struct ReportSpec {
  std::string desk = "voice_cloning";
  std::string kind = "voice_cloning";
  std::string day = "2024-06-01";
  std::string region = "europe";
  std::string sector = "finance";
  std::string status = "new";
  std::string assignee;
  std::string first_feedback_day;
  std::vector<std::string> tags;
  std::vector<std::string> pillars;
  std::string id;  // filled by AddReport
};

inline accounts::Session MakeSession(const std::string& user_id, const std::string& role,
                                     const std::vector<std::string>& desks) {
  std::vector<accounts::UnlockedDeskKey> desk_keys;
  for (const std::string& desk : desks) desk_keys.push_back({desk, 1, privacy::BoxKeyPair::Generate()});
  return accounts::Session{{user_id, "user-" + user_id.substr(0, 4), role},
                           accounts::UnlockedKeys{privacy::BoxKeyPair::Generate(), std::move(desk_keys)},
                           0};
}

class CasesDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("test.db");
    auto db = store::Database::Open(path_, store::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    setup_ = std::move(*db);
    ASSERT_TRUE(store::ApplyMigrations(*setup_, EmbeddedMigrations()).ok());
    uint8_t seed = 1;
    for (const char* desk : {"voice_cloning", "workplace_ai_harm"}) {
      store::DeskRecord record{desk, std::string("Desk ") + desk, 1, {}, {desk}};
      for (uint8_t& b : record.public_key.bytes) b = seed++;
      ASSERT_TRUE(store::InsertDesk(*setup_, record).ok());
    }
    alice_ = AddUser("alice", "reviewer", {"voice_cloning"});
    bob_ = AddUser("bob", "reviewer", {"voice_cloning", "workplace_ai_harm"});
    auto readers = store::ReaderPool::Open(path_, 1);
    ASSERT_TRUE(readers.ok());
    readers_ = std::move(*readers);
  }

  // A user with a dummy key, member of `desks` at key version 1.
  std::string AddUser(const std::string& name, const std::string& role, const std::vector<std::string>& desks) {
    store::UserRecord user{pillarbox::testing::RandomReportId(), name, role, {1}, {2}, 1, 1,
                           pillarbox::testing::RandomTestBytes(32), {3}, {4}, {5}, {6}, false, "2024-01-01"};
    EXPECT_TRUE(store::InsertUser(*setup_, user).ok());
    for (const std::string& desk : desks) {
      EXPECT_TRUE(store::InsertDeskMember(*setup_, {desk, user.id, 1, {7}}).ok());
    }
    return user.id;
  }

  std::string AddTag(const std::string& name) {
    static constexpr char kSql[] = "INSERT INTO tags (id, name) VALUES (?, ?)";
    const std::string id = pillarbox::testing::RandomReportId();
    auto insert = setup_->Prepare(kSql);
    (*insert)->BindText(1, id);
    (*insert)->BindText(2, name);
    EXPECT_TRUE((*insert)->Run().ok());
    return id;
  }

  // Writes `spec` (its workflow columns, tags and pillars) and sets spec.id.
  void AddReport(ReportSpec& spec) {
    intake::SealedReport report = pillarbox::testing::MakeSealedReport(spec.desk);
    report.kind = spec.kind;
    report.received_day = spec.day;
    report.region = spec.region;
    report.sector = spec.sector;
    ASSERT_TRUE(store::InsertSealedReport(*setup_, report).ok());
    spec.id = report.id;
    static constexpr char kUpdateSql[] =
        "UPDATE reports SET status = ?1, assignee_id = NULLIF(?2, ''), first_feedback_day = NULLIF(?3, ''), "
        "close_reason = CASE WHEN ?1 = 'closed' THEN 'actioned' END WHERE id = ?4";
    auto update = setup_->Prepare(kUpdateSql);
    (*update)->BindText(1, spec.status);
    (*update)->BindText(2, spec.assignee);
    (*update)->BindText(3, spec.first_feedback_day);
    (*update)->BindText(4, spec.id);
    ASSERT_TRUE((*update)->Run().ok());
    static constexpr char kTagSql[] = "INSERT INTO report_tags (tag_id, received_day, report_id) VALUES (?, ?, ?)";
    static constexpr char kPillarSql[] =
        "INSERT INTO report_pillars (pillar, received_day, report_id) VALUES (?, ?, ?)";
    for (const auto& [sql, labels] : {std::pair{kTagSql, &spec.tags}, std::pair{kPillarSql, &spec.pillars}}) {
      for (const std::string& label : *labels) {
        auto insert = setup_->Prepare(sql);
        (*insert)->BindText(1, label);
        (*insert)->BindText(2, spec.day);
        (*insert)->BindText(3, spec.id);
        ASSERT_TRUE((*insert)->Run().ok());
      }
    }
  }

  pillarbox::testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Database> setup_;
  std::unique_ptr<store::ReaderPool> readers_;
  pillarbox::testing::ManualClock clock_{1'718'452'800};  // 2024-06-15 12:00 UTC
  std::string alice_, bob_;
};

}  // namespace pillarbox::cases::test
