// Re-sealing a desk's records to its current key version, against a temp
// database: the batch steps (accounts/desk_key_reseal.h), the retirement of
// unused versions, and the background job with its progress
// (accounts/desk_key_rotation_job.h).
#include "accounts/desk_key_reseal.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <thread>

#include "accounts/desk_key_access.h"
#include "accounts/desk_key_rotation.h"
#include "accounts/desk_key_rotation_job.h"
#include "accounts/new_account.h"
#include "audit/audit_log.h"
#include "common/embedded_file.h"
#include "privacy/envelope.h"
#include "store/desk_key_reseal_rows.h"
#include "store/desk_repository.h"
#include "store/migrations.h"
#include "store/transaction.h"
#include "store/user_repository.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace pillarbox::accounts {
namespace {

using pillarbox::testing::ManualClock;

constexpr char kDesk[] = "voice_cloning";

// A record's id and its data key (kept to check what the sealed key opens to).
struct SealedRecord {
  store::DeskSealedTable table;
  std::string id;
  privacy::SecretKey data_key;
};

// One desk (voice_cloning, key version 1) whose only member is the admin
// "root", with a known user key pair so tests can unseal its desk keys.
class DeskKeyResealTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.Set(1'800'000'000);
    path_ = dir_.File("test.db");
    auto db = store::Database::Open(path_, store::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(store::ApplyMigrations(*db_, EmbeddedMigrations()).ok());
    ASSERT_TRUE(store::InsertDesk(*db_, {kDesk, "Voice", 1, v1_.public_key, {kDesk}}).ok());
    ASSERT_TRUE(store::InsertDesk(*db_, {"workplace_ai_harm", "Work", 1, other_desk_.public_key,
                                         {"workplace_ai_harm"}})
                    .ok());
    auto account = CreateNewAccount({"root", "admin", "2027-01-15", privacy::MinimalKdfParams()});
    ASSERT_TRUE(account.ok());
    account->record.public_key.assign(root_.public_key.bytes.begin(), root_.public_key.bytes.end());
    root_id_ = account->record.id;
    ASSERT_TRUE(store::InsertUser(*db_, account->record).ok());
    ASSERT_TRUE(
        store::InsertDeskMember(*db_, {kDesk, root_id_, 1, privacy::SealKeyTo(root_.public_key, v1_.secret_key)})
            .ok());
  }

  // Rotates the desk key; returns the new version's key pair (unsealed from
  // root's copy).
  privacy::BoxKeyPair Rotate() {
    store::Transaction transaction(*db_);
    EXPECT_TRUE(transaction.Begin().ok());
    auto rotated = RotateDeskKey(*db_, root_id_, kDesk, audit_key_, clock_);
    EXPECT_TRUE(rotated.ok()) << rotated.status().ToString();
    EXPECT_TRUE(transaction.Commit().ok());
    return KeyOf(rotated->key_version);
  }

  // RetireUnusedDeskKeyVersions inside a transaction, as a writer op runs it.
  Result<std::vector<uint32_t>> Retire(uint32_t current_version) {
    store::Transaction transaction(*db_);
    PB_RETURN_IF_ERROR(transaction.Begin());
    PB_ASSIGN_OR_RETURN(auto retired,
                        RetireUnusedDeskKeyVersions(*db_, root_id_, kDesk, current_version, audit_key_, clock_));
    PB_RETURN_IF_ERROR(transaction.Commit());
    return retired;
  }

  // Root's key of `version`, unsealed from desk_members.
  privacy::BoxKeyPair KeyOf(uint32_t version) {
    auto memberships = store::ListMembershipsOfUser(*db_, root_id_);
    EXPECT_TRUE(memberships.ok());
    for (const auto& row : *memberships) {
      if (row.desk_id != kDesk || row.key_version != version) continue;
      auto secret = privacy::OpenSealedKey(root_, row.sealed_desk_key);
      EXPECT_TRUE(secret.ok());
      return privacy::BoxKeyPair::FromSecretKey(std::move(*secret));
    }
    ADD_FAILURE() << "root holds no copy of version " << version;
    return privacy::BoxKeyPair::Generate();
  }

  // Inserts a report of `desk` whose data key is sealed to `key` at `version`.
  std::string AddReport(uint32_t version, const privacy::BoxPublicKey& key, const std::string& desk = kDesk) {
    std::string id = privacy::ToHex(privacy::RandomBytes(16));
    privacy::SecretKey data_key = privacy::SecretKey::Random();
    static constexpr char kInsertSql[] =
        "INSERT INTO reports (id, kind, desk_id, desk_key_version, received_day, region, sector, "
        "desk_sealed_data_key, reporter_wrapped_data_key, lookup_id) VALUES (?, ?, ?, ?, '2027-01-15', 'eu', "
        "'media', ?, x'00', ?)";
    auto insert = db_->Prepare(kInsertSql);
    EXPECT_TRUE(insert.ok());
    (*insert)->BindText(1, id);
    (*insert)->BindText(2, desk);
    (*insert)->BindText(3, desk);
    (*insert)->BindInt64(4, int64_t{version});
    (*insert)->BindBlob(5, privacy::SealKeyTo(key, data_key));
    (*insert)->BindBlob(6, privacy::RandomBytes(32));
    EXPECT_TRUE((*insert)->Run().ok());
    records_.push_back({store::DeskSealedTable::kReports, id, std::move(data_key)});
    return id;
  }

  void AddNote(const std::string& report_id, uint32_t version, const privacy::BoxPublicKey& key) {
    std::string id = privacy::ToHex(privacy::RandomBytes(16));
    privacy::SecretKey data_key = privacy::SecretKey::Random();
    auto insert = db_->Prepare(
        "INSERT INTO report_notes (id, report_id, author_id, created_at, desk_key_version, desk_sealed_data_key, "
        "ciphertext) VALUES (?, ?, ?, 1800000000, ?, ?, x'00')");
    EXPECT_TRUE(insert.ok());
    (*insert)->BindText(1, id);
    (*insert)->BindText(2, report_id);
    (*insert)->BindText(3, root_id_);
    (*insert)->BindInt64(4, int64_t{version});
    (*insert)->BindBlob(5, privacy::SealKeyTo(key, data_key));
    EXPECT_TRUE((*insert)->Run().ok());
    records_.push_back({store::DeskSealedTable::kReportNotes, id, std::move(data_key)});
  }

  void AddCase(uint32_t version, const privacy::BoxPublicKey& key) {
    std::string id = privacy::ToHex(privacy::RandomBytes(16));
    privacy::SecretKey data_key = privacy::SecretKey::Random();
    auto insert = db_->Prepare(
        "INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, created_day) "
        "VALUES (?, ?, ?, ?, '2027-01-15')");
    EXPECT_TRUE(insert.ok());
    (*insert)->BindText(1, id);
    (*insert)->BindText(2, kDesk);
    (*insert)->BindInt64(3, int64_t{version});
    (*insert)->BindBlob(4, privacy::SealKeyTo(key, data_key));
    EXPECT_TRUE((*insert)->Run().ok());
    records_.push_back({store::DeskSealedTable::kCases, id, std::move(data_key)});
  }

  // The stored (version, sealed key) of `record`.
  std::pair<uint32_t, privacy::Bytes> Stored(const SealedRecord& record) {
    // Database::Prepare caches by the SQL's address: one literal per table.
    const char* sql = "SELECT desk_key_version, desk_sealed_data_key FROM cases WHERE id = ?";
    if (record.table == store::DeskSealedTable::kReports) {
      sql = "SELECT desk_key_version, desk_sealed_data_key FROM reports WHERE id = ?";
    } else if (record.table == store::DeskSealedTable::kReportNotes) {
      sql = "SELECT desk_key_version, desk_sealed_data_key FROM report_notes WHERE id = ?";
    }
    auto select = db_->Prepare(sql);
    EXPECT_TRUE(select.ok());
    (*select)->BindText(1, record.id);
    auto row = (*select)->Step();
    EXPECT_TRUE(row.ok() && *row);
    std::pair<uint32_t, privacy::Bytes> stored{static_cast<uint32_t>((*select)->ColumnInt64(0)),
                                               (*select)->ColumnBlob(1)};
    (*select)->Reset();
    return stored;
  }

  // Whether `sealed` opens with `key` to `record`'s data key.
  static bool OpensTo(const SealedRecord& record, const privacy::BoxKeyPair& key, const privacy::Bytes& sealed) {
    auto opened = privacy::OpenSealedKey(key, sealed);
    if (!opened.ok()) return false;
    const auto a = opened->bytes();
    const auto b = record.data_key.bytes();
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

  // Runs a whole pass with `keys` towards `target`, `limit` records per batch;
  // returns (resealed, skipped) and checks no batch exceeded `limit`.
  std::pair<int64_t, int64_t> Pass(uint32_t target, const privacy::BoxPublicKey& target_key,
                                   const std::vector<UnlockedDeskKey>& keys, int64_t limit) {
    ResealCursor cursor;
    int64_t resealed = 0;
    int64_t skipped = 0;
    while (!cursor.Finished()) {
      auto batch = PrepareResealBatch(*db_, kDesk, target, target_key, keys, cursor, limit);
      EXPECT_TRUE(batch.ok()) << batch.status().ToString();
      if (!batch.ok()) break;
      EXPECT_LE(static_cast<int64_t>(batch->keys.size()) + batch->skipped, limit);
      auto changed = ApplyResealBatch(*db_, batch->keys, target);
      EXPECT_TRUE(changed.ok());
      resealed += *changed;
      skipped += batch->skipped;
    }
    return {resealed, skipped};
  }

  std::vector<UnlockedDeskKey> Keys(std::initializer_list<std::pair<uint32_t, const privacy::BoxKeyPair*>> keys) {
    std::vector<UnlockedDeskKey> out;
    for (const auto& [version, pair] : keys) {
      out.push_back({kDesk, version, privacy::BoxKeyPair::FromSecretKey(pair->secret_key.Clone())});
    }
    return out;
  }

  std::vector<store::DeskKeyVersionRow> Versions() {
    auto versions = store::ListDeskKeyVersions(*db_, kDesk);
    EXPECT_TRUE(versions.ok());
    return *versions;
  }

  int AuditCount(const std::string& action) {
    auto entries = audit::ListAuditEntries(*db_, 0, 1000);
    EXPECT_TRUE(entries.ok());
    int count = 0;
    for (const auto& entry : *entries) count += entry.action == action ? 1 : 0;
    return count;
  }

  ManualClock clock_;
  pillarbox::testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Database> db_;
  privacy::SecretKey audit_key_ = privacy::SecretKey::Random();
  privacy::BoxKeyPair v1_ = privacy::BoxKeyPair::Generate();
  privacy::BoxKeyPair other_desk_ = privacy::BoxKeyPair::Generate();
  privacy::BoxKeyPair root_ = privacy::BoxKeyPair::Generate();
  std::string root_id_;
  std::vector<SealedRecord> records_;
};

TEST_F(DeskKeyResealTest, RecordsOnVersionOneMoveToVersionTwoAndOpenOnlyWithTheNewKey) {
  for (int i = 0; i < 7; ++i) AddReport(1, v1_.public_key);
  AddNote(records_[0].id, 1, v1_.public_key);
  AddCase(1, v1_.public_key);
  AddReport(1, other_desk_.public_key, "workplace_ai_harm");  // another desk: untouched
  const privacy::BoxKeyPair v2 = Rotate();

  const auto [resealed, skipped] = Pass(2, v2.public_key, Keys({{1, &v1_}}), 3);
  EXPECT_EQ(resealed, 9);
  EXPECT_EQ(skipped, 0);
  for (size_t i = 0; i + 1 < records_.size(); ++i) {
    const auto [version, sealed] = Stored(records_[i]);
    EXPECT_EQ(version, 2u) << store::DeskSealedTableName(records_[i].table);
    EXPECT_TRUE(OpensTo(records_[i], v2, sealed)) << "the same data key, sealed to version 2";
    EXPECT_FALSE(OpensTo(records_[i], v1_, sealed)) << "version 1 no longer opens it";
  }
  const auto [other_version, other_sealed] = Stored(records_.back());
  EXPECT_EQ(other_version, 1u);
  EXPECT_TRUE(OpensTo(records_.back(), other_desk_, other_sealed));
  auto uses = store::CountDeskSealedKeysByVersion(*db_, kDesk);
  ASSERT_TRUE(uses.ok());
  EXPECT_EQ(*uses, (std::vector<store::KeyVersionUse>{{2, 9}}));
  EXPECT_EQ(Pass(2, v2.public_key, Keys({{1, &v1_}}), 3).first, 0) << "a second pass finds nothing";
}

TEST_F(DeskKeyResealTest, AStaleBatchChangesNothing) {
  AddReport(1, v1_.public_key);
  const privacy::BoxKeyPair v2 = Rotate();
  const auto keys = Keys({{1, &v1_}});
  ResealCursor first;
  auto batch = PrepareResealBatch(*db_, kDesk, 2, v2.public_key, keys, first, 10);
  ASSERT_TRUE(batch.ok());
  ASSERT_EQ(batch->keys.size(), 1u);
  ASSERT_EQ(*ApplyResealBatch(*db_, batch->keys, 2), 1);
  const auto after_first = Stored(records_[0]);
  EXPECT_EQ(*ApplyResealBatch(*db_, batch->keys, 2), 0) << "compare and swap: the record is already on version 2";
  EXPECT_EQ(Stored(records_[0]), after_first);
}

TEST_F(DeskKeyResealTest, MixedVersionsMoveOnlyWithTheKeysHeldAndRetireOnlyWhatNothingUses) {
  for (int i = 0; i < 4; ++i) AddReport(1, v1_.public_key);
  const privacy::BoxKeyPair v2 = Rotate();
  for (int i = 0; i < 3; ++i) AddReport(2, v2.public_key);
  AddCase(2, v2.public_key);
  const privacy::BoxKeyPair v3 = Rotate();
  AddReport(3, v3.public_key);

  auto retired = Retire(3);
  ASSERT_TRUE(retired.ok());
  EXPECT_TRUE(retired->empty()) << "versions 1 and 2 are still used";
  EXPECT_EQ(Versions()[0].sealed_copies, 1);

  // Only version 1's key: its records move, version 2's are skipped.
  const auto [resealed, skipped] = Pass(3, v3.public_key, Keys({{1, &v1_}}), 2);
  EXPECT_EQ(resealed, 4);
  EXPECT_EQ(skipped, 4);
  retired = Retire(3);
  ASSERT_TRUE(retired.ok());
  EXPECT_EQ(*retired, (std::vector<uint32_t>{1}));
  auto versions = Versions();
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].sealed_copies, 0) << "version 1's sealed copies are gone";
  EXPECT_EQ(versions[1].sealed_copies, 1) << "version 2 is still used";
  EXPECT_EQ(versions[2].sealed_copies, 1);
  EXPECT_EQ(AuditCount("desk.key.retired"), 1);

  // With version 2's key too, the rest moves and version 2 retires.
  EXPECT_EQ(Pass(3, v3.public_key, Keys({{2, &v2}}), 2).first, 4);
  retired = Retire(3);
  ASSERT_TRUE(retired.ok());
  EXPECT_EQ(*retired, (std::vector<uint32_t>{2}));
  versions = Versions();
  EXPECT_EQ(versions[1].sealed_copies, 0);
  EXPECT_EQ(versions[2].sealed_copies, 1) << "the current version is never retired";
  for (const SealedRecord& record : records_) {
    const auto [version, sealed] = Stored(record);
    EXPECT_EQ(version, 3u);
    EXPECT_TRUE(OpensTo(record, v3, sealed));
  }
}

// The job itself: a session whose user key pair is root_'s, the writer and a
// reader pool over the same file.
class DeskKeyRotationJobTest : public DeskKeyResealTest {
 protected:
  void StartServices() {
    db_.reset();
    auto db = store::Database::Open(path_, store::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    auto directory = store::SqliteDeskDirectory::Load(**db);
    ASSERT_TRUE(directory.ok());
    directory_ = std::move(*directory);
    writer_ = std::make_unique<store::GroupCommitWriter>(std::move(*db), store::GroupCommitWriter::Options{});
    auto readers = store::ReaderPool::Open(path_, 2);
    ASSERT_TRUE(readers.ok());
    readers_ = std::move(*readers);
    job_ = std::make_unique<DeskKeyRotationJob>(*writer_, *readers_, *directory_, audit_key_, clock_,
                                                DeskKeyRotationJob::Options{.batch_size = 4});
  }

  Session SessionOf(const std::string& role) {
    return Session{{root_id_, "root", role},
                   UnlockedKeys{privacy::BoxKeyPair::FromSecretKey(root_.secret_key.Clone()), {}},
                   0};
  }

  RotationProgress WaitUntilIdle(const Session& admin) {
    for (int i = 0; i < 500; ++i) {
      auto progress = job_->Progress(admin, kDesk);
      EXPECT_TRUE(progress.ok()) << progress.status().ToString();
      if (!progress.ok() || !progress->running) return progress.ok() ? *progress : RotationProgress{};
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "the job did not end";
    return {};
  }

  std::unique_ptr<store::SqliteDeskDirectory> directory_;
  std::unique_ptr<store::GroupCommitWriter> writer_;
  std::unique_ptr<store::ReaderPool> readers_;
  std::unique_ptr<DeskKeyRotationJob> job_;
};

TEST_F(DeskKeyRotationJobTest, ANewVersionThenEveryRecordMovesAndTheOldVersionRetires) {
  for (int i = 0; i < 10; ++i) AddReport(1, v1_.public_key);
  AddCase(1, v1_.public_key);
  StartServices();
  const Session admin = SessionOf("admin");
  auto before = job_->Progress(admin, kDesk);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->current_version, 1u);
  EXPECT_EQ(before->records_on_old_versions, 0);

  auto started = job_->Start(admin, kDesk, true);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  EXPECT_EQ(started->current_version, 2u);
  EXPECT_EQ(directory_->DeskForKind(kDesk)->key_version, 2u) << "future reports are sealed to version 2";
  const RotationProgress done = WaitUntilIdle(admin);
  EXPECT_EQ(done.current_version, 2u);
  EXPECT_EQ(done.records_on_old_versions, 0);
  EXPECT_EQ(done.unreadable_records, 0);
  ASSERT_EQ(done.old_versions.size(), 1u);
  EXPECT_EQ(done.old_versions[0].key_version, 1u);
  EXPECT_EQ(done.old_versions[0].sealed_copies, 0);
  EXPECT_TRUE(done.old_versions[0].retired);

  job_->Stop();
  EXPECT_EQ(job_->Start(admin, kDesk, false).status().code(), StatusCode::kUnavailable);
  writer_->Stop();
  auto db = store::Database::Open(path_, store::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok());
  db_ = std::move(*db);
  EXPECT_EQ(AuditCount("desk.key.rotated"), 1);
  EXPECT_EQ(AuditCount("desk.key.reseal.started"), 1);
  EXPECT_EQ(AuditCount("desk.key.reseal.finished"), 1);
  EXPECT_EQ(AuditCount("desk.key.retired"), 1);
  const privacy::BoxKeyPair v2 = KeyOf(2);
  for (const SealedRecord& record : records_) {
    const auto [version, sealed] = Stored(record);
    EXPECT_EQ(version, 2u);
    EXPECT_TRUE(OpensTo(record, v2, sealed));
  }
}

TEST_F(DeskKeyRotationJobTest, RefusesOtherRolesAndDesksTheAdminHoldsNoKeyOf) {
  StartServices();
  EXPECT_EQ(job_->Progress(SessionOf("reviewer"), kDesk).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(job_->Start(SessionOf("reviewer"), kDesk, true).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(job_->Start(SessionOf("admin"), "workplace_ai_harm", true).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(job_->Progress(SessionOf("admin"), "no_such_desk").status().code(), StatusCode::kNotFound);
  auto progress = job_->Progress(SessionOf("admin"), "voice_cloning");
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(progress->current_version, 1u) << "no refused call rotated the key";
}

}  // namespace
}  // namespace pillarbox::accounts
