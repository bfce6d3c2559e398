// A fixture for the tags, labels, notes and messages tests: a migrated
// database with two desks (real key pairs), three users, a report on each
// desk whose data key is really sealed to its desk, the group-commit writer
// and a reader pool on it, and sessions for a reviewer of each desk and a
// partner. Header-only.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "accounts/session_store.h"
#include "intake/report.h"
#include "privacy/envelope.h"
#include "store/desk_repository.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/report_rows.h"
#include "store/user_repository.h"
#include "support/manual_clock.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"
#include "unit/store/store_test_util.h"

namespace pillarbox::cases::test {

inline store::UserRecord MakeUserRecord(const std::string& id, const std::string& username, const std::string& role) {
  store::UserRecord user;
  user.id = id;
  user.username = username;
  user.role = role;
  user.password_salt = testing::RandomTestBytes(16);
  user.password_verifier = testing::RandomTestBytes(32);
  user.kdf_operations = 3;
  user.kdf_memory_bytes = int64_t{1} << 28;
  user.public_key = testing::RandomTestBytes(32);
  user.password_wrapped_key = testing::RandomTestBytes(72);
  user.recovery_salt = testing::RandomTestBytes(16);
  user.recovery_wrapped_key = testing::RandomTestBytes(72);
  user.sealed_totp_secret = testing::RandomTestBytes(60);
  user.created_day = "2024-05-17";
  return user;
}

// The whole file at `path` as bytes ("" when missing).
inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class LabelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("labels.db");
    {
      auto db = store::test::OpenMigratedDatabase(path_);
      ASSERT_NE(db, nullptr);
      ASSERT_TRUE(store::InsertDesk(*db, {"voice", "Voice", 1, voice_key_.public_key, {"voice_cloning"}}).ok());
      ASSERT_TRUE(store::InsertDesk(*db, {"work", "Work", 1, work_key_.public_key, {"workplace_ai_harm"}}).ok());
      ASSERT_TRUE(store::InsertUser(*db, MakeUserRecord("u-voice", "rev-voice", "reviewer")).ok());
      ASSERT_TRUE(store::InsertUser(*db, MakeUserRecord("u-work", "rev-work", "reviewer")).ok());
      ASSERT_TRUE(store::InsertUser(*db, MakeUserRecord("u-partner", "partner", "partner")).ok());
      voice_report_ = InsertReport(*db, "voice", voice_key_.public_key, "2024-05-17");
      work_report_ = InsertReport(*db, "work", work_key_.public_key, "2024-05-18");
    }
    store::test::StoreConnections connections = store::test::OpenStoreConnections(path_);
    ASSERT_NE(connections.check, nullptr);
    writer_ = std::move(connections.writer);
    readers_ = std::move(connections.readers);
    check_ = std::move(connections.check);
  }

  void TearDown() override {
    if (writer_) writer_->Stop();
  }

  // Inserts a report on `desk` whose data key is sealed to `desk_public`; returns its id.
  std::string InsertReport(store::Database& db, const std::string& desk, const privacy::BoxPublicKey& desk_public,
                           const std::string& day) {
    intake::SealedReport report = testing::MakeSealedReport(desk);
    report.received_day = day;
    privacy::SecretKey data_key = privacy::SecretKey::Random();
    report.desk_sealed_data_key = privacy::SealKeyTo(desk_public, data_key);
    EXPECT_TRUE(store::InsertSealedReport(db, report).ok());
    data_keys_.emplace(report.id, std::move(data_key));
    return report.id;
  }

  // A session of `user_id`/`username` with `role`, holding `desk_key` (version 1) of `desk` when given.
  static accounts::Session MakeSession(const std::string& user_id, const std::string& username, const std::string& role,
                                       const std::string& desk, const privacy::BoxKeyPair* desk_key) {
    accounts::UnlockedKeys keys{privacy::BoxKeyPair::Generate(), {}};
    if (desk_key != nullptr) {
      keys.desk_keys.push_back({desk, 1, privacy::BoxKeyPair::FromSecretKey(desk_key->secret_key.Clone())});
    }
    return accounts::Session{{user_id, username, role}, std::move(keys), 0};
  }

  accounts::Session VoiceReviewer() const {
    return MakeSession("u-voice", "rev-voice", "reviewer", "voice", &voice_key_);
  }
  accounts::Session WorkReviewer() const { return MakeSession("u-work", "rev-work", "reviewer", "work", &work_key_); }
  accounts::Session Partner() const { return MakeSession("u-partner", "partner", "partner", "", nullptr); }

  int64_t Count(const char* sql) { return store::test::QueryInt(*check_, sql); }

  testing::TempDir dir_;
  std::string path_;
  privacy::BoxKeyPair voice_key_ = privacy::BoxKeyPair::Generate();
  privacy::BoxKeyPair work_key_ = privacy::BoxKeyPair::Generate();
  std::map<std::string, privacy::SecretKey> data_keys_;
  std::string voice_report_;
  std::string work_report_;
  testing::ManualClock clock_;
  privacy::SecretKey audit_key_ = privacy::SecretKey::Random();
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<store::Database> check_;  // for assertions on stored rows
};

}  // namespace pillarbox::cases::test
