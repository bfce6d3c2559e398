// A case-management test bed: a migrated database in a temporary folder with
// two desks (voice_cloning, workplace), their key pairs, accounts and
// sessions built by hand (no Argon2id), the group-commit writer, readers, an
// audit recorder and the CaseServices under test. Header-only (only
// *_test.cc files are compiled here).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "audit/audit_recorder.h"
#include "cases/case_services.h"
#include "common/embedded_file.h"
#include "privacy/envelope.h"
#include "store/case_rows.h"
#include "store/database.h"
#include "store/desk_repository.h"
#include "store/group_commit_writer.h"
#include "store/migrations.h"
#include "store/reader_pool.h"
#include "store/report_rows.h"
#include "store/user_repository.h"
#include "support/manual_clock.h"
#include "support/sealed_report_fixture.h"
#include "support/session_user_row.h"
#include "support/temp_dir.h"

namespace pillarbox::cases::test {

inline constexpr char kVoice[] = "voice_cloning";
inline constexpr char kWork[] = "workplace";

class CaseServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Database::Open(path(), store::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(store::ApplyMigrations(**db, EmbeddedMigrations()).ok());
    ASSERT_TRUE(store::InsertDesk(**db, {kVoice, "Voice", 1, voice_key_.public_key, {"voice_cloning"}}).ok());
    ASSERT_TRUE(store::InsertDesk(**db, {kWork, "Work", 1, work_key_.public_key, {"workplace_ai_harm"}}).ok());
    writer_ = std::make_unique<store::GroupCommitWriter>(std::move(*db), store::GroupCommitWriter::Options{});
    auto readers = store::ReaderPool::Open(path(), 4);
    ASSERT_TRUE(readers.ok());
    readers_ = std::move(*readers);
    audit_ = std::make_unique<audit::AuditRecorder>(*writer_, audit_key_, clock_);
    services_ = std::make_unique<CaseServices>(CaseEnvironment{*readers_, *writer_, *audit_, audit_key_, clock_});
    alice_ = MakeSession("alice", "reviewer", {kVoice});
    bob_ = MakeSession("bob", "reviewer", {kWork});
    both_ = MakeSession("admin", "admin", {kVoice, kWork});
    partner_ = MakeSession("union", "partner", {});
    researcher_ = MakeSession("scholar", "researcher", {});
  }

  void TearDown() override {
    services_.reset();
    if (writer_) writer_->Stop();
  }

  std::string path() const { return dir_.File("test.db"); }

  // An account row and a session holding the keys of `desks`.
  std::shared_ptr<accounts::Session> MakeSession(const std::string& name, const std::string& role,
                                                 const std::vector<std::string>& desks) {
    accounts::UnlockedKeys keys{privacy::BoxKeyPair::Generate(), {}};
    for (const std::string& desk : desks) {
      const privacy::BoxKeyPair& key = desk == kVoice ? voice_key_ : work_key_;
      keys.desk_keys.push_back({desk, 1, privacy::BoxKeyPair::FromSecretKey(key.secret_key.Clone())});
    }
    auto session = std::make_shared<accounts::Session>(accounts::Session{
        {privacy::ToHex(privacy::RandomBytes(16)), name, role}, std::move(keys), clock_.NowUnixSeconds()});
    const store::UserRecord user = pillarbox::testing::SessionUserRow(*session);
    EXPECT_TRUE(Write([&user](store::Database& db) { return store::InsertUser(db, user); }).ok());
    return session;
  }

  Status Write(store::GroupCommitWriter::WriteOp op) { return writer_->SubmitAndWait(std::move(op)); }

  // A stored report of `desk` with `status`; returns its id.
  std::string AddReport(const std::string& desk, const std::string& status = "new") {
    intake::SealedReport report = pillarbox::testing::MakeSealedReport(desk);
    EXPECT_TRUE(Write([&report, &status](store::Database& db) -> Status {
                  PB_RETURN_IF_ERROR(store::InsertSealedReport(db, report));
                  static constexpr char kSql[] = "UPDATE reports SET status = ? WHERE id = ?";
                  PB_ASSIGN_OR_RETURN(store::Statement * update, db.Prepare(kSql));
                  update->BindText(1, status);
                  update->BindText(2, report.id);
                  return update->Run();
                }).ok());
    return report.id;
  }

  // A tag row (tag management belongs to another part); returns its id.
  std::string AddTag(const std::string& name) {
    const std::string id = privacy::ToHex(privacy::RandomBytes(16));
    EXPECT_TRUE(Write([&](store::Database& db) -> Status {
                  static constexpr char kSql[] = "INSERT INTO tags (id, name) VALUES (?, ?)";
                  PB_ASSIGN_OR_RETURN(store::Statement * insert, db.Prepare(kSql));
                  insert->BindText(1, id);
                  insert->BindText(2, name);
                  return insert->Run();
                }).ok());
    return id;
  }

  // A case on `desk` created by `session`; returns its id.
  std::string CreateCase(const accounts::Session& session, const std::string& desk, const std::string& title = "A case",
                      const std::string& summary = "") {
    auto created = services_->editor.Create(session, {desk, title, summary});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->id : std::string();
  }

  // The integer result of `sql` (a literal) with one text parameter.
  int64_t Count(const char* sql, const std::string& param = "") {
    auto lease = readers_->Acquire();
    auto statement = lease.db().Prepare(sql);
    if (!statement.ok()) return -1;
    if (std::string(sql).find('?') != std::string::npos) (*statement)->BindText(1, param);
    auto row = (*statement)->Step();
    const int64_t value = row.ok() && *row ? (*statement)->ColumnInt64(0) : -1;
    (*statement)->Reset();
    return value;
  }

  // The text of the first column of `sql` (a literal) with one text parameter.
  std::string Text(const char* sql, const std::string& param) {
    auto lease = readers_->Acquire();
    auto statement = lease.db().Prepare(sql);
    if (!statement.ok()) return "";
    (*statement)->BindText(1, param);
    auto row = (*statement)->Step();
    std::string value = row.ok() && *row ? (*statement)->ColumnText(0) : std::string();
    (*statement)->Reset();
    return value;
  }

  // The database file and its WAL, as bytes.
  std::string DatabaseBytes() const {
    return pillarbox::testing::ReadFileBytes(path()) + pillarbox::testing::ReadFileBytes(path() + "-wal");
  }

  pillarbox::testing::TempDir dir_;
  pillarbox::testing::ManualClock clock_;
  privacy::SecretKey audit_key_ = privacy::SecretKey::Random();
  privacy::BoxKeyPair voice_key_ = privacy::BoxKeyPair::Generate();
  privacy::BoxKeyPair work_key_ = privacy::BoxKeyPair::Generate();
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<audit::AuditRecorder> audit_;
  std::unique_ptr<CaseServices> services_;
  std::shared_ptr<accounts::Session> alice_, bob_, both_, partner_, researcher_;
};

}  // namespace pillarbox::cases::test
