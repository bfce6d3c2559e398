// Backups of a real instance database: CreateBackup, VerifyBackup and
// RestoreBackup (app/backup_creation.h, app/backup_opening.h).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/backup_creation.h"
#include "app/backup_opening.h"
#include "app/init_command.h"
#include "app/instance.h"
#include "intake/report_sealer.h"
#include "privacy/receipt.h"
#include "store/report_rows.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace pillarbox::app {
namespace {

using pillarbox::testing::ManualClock;
using pillarbox::testing::ReadFileBytes;
using pillarbox::testing::TempDir;

constexpr char kCanary[] = "CANARY-sealed-plaintext-7f3a9c";

int64_t QueryInt(store::Database& db, const char* sql) {
  Result<store::Statement*> statement = db.Prepare(sql);
  EXPECT_TRUE(statement.ok());
  Result<bool> row = (*statement)->Step();
  EXPECT_TRUE(row.ok() && *row);
  const int64_t value = (*statement)->ColumnInt64(0);
  (*statement)->Reset();
  return value;
}

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

std::vector<std::string> Names(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// An initialized instance with one report whose sealed answer holds kCanary.
class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.File("data");
    ASSERT_EQ(RunInit(InitOptions{data_, "admin", true, false, privacy::MinimalKdfParams()}), 0);
    Result<Instance> instance = OpenInstance(data_);
    ASSERT_TRUE(instance.ok()) << instance.status().ToString();
    Result<intake::DeskKey> desk = instance->desks->DeskForKind("voice_cloning");
    ASSERT_TRUE(desk.ok());
    intake::Report report{"voice_cloning", "europe", "media", {}, {{"description", kCanary}}, {}};
    const intake::SealedReport sealed = intake::SealReport(report, "0123456789abcdef0123456789abcdef", "2026-11-20",
                                                           *desk, privacy::Receipt::Generate(), *instance->keys);
    ASSERT_TRUE(store::InsertSealedReport(*instance->database, sealed).ok());
    keys_.emplace(std::move(*instance->keys));
  }

  Result<BackupSummary> Backup(const std::string& out, std::optional<std::string> passphrase = {}) {
    BackupRequest request{InstanceLayout{data_, ""}, out, std::move(passphrase), privacy::MinimalKdfParams(), 7};
    return CreateBackup(request, clock_);
  }

  TempDir dir_;
  std::string data_;
  ManualClock clock_;
  std::optional<privacy::InstanceKeys> keys_;
};

TEST_F(BackupTest, RoundTripRestoresTheSameDatabase) {
  const std::string out = dir_.File("first.pbxbak");
  Result<BackupSummary> summary = Backup(out);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_GT(summary->pages, 7);  // several steps of 7 pages
  EXPECT_EQ(summary->file_bytes, std::filesystem::file_size(out));
  EXPECT_EQ(summary->created_day, "2024-06-15");
  EXPECT_EQ(ModeOf(out), 0600u);
  EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
  for (const std::string& name : Names(data_)) EXPECT_EQ(name.find(".backup"), std::string::npos) << name;

  Result<privacy::BackupHeader> verified = VerifyBackup(BackupSource{out, &*keys_, {}}, data_);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->schema_version, summary->schema_version);

  const std::string restored = dir_.File("restored");
  Result<privacy::BackupHeader> header = RestoreBackup(BackupSource{out, &*keys_, {}}, restored);
  ASSERT_TRUE(header.ok()) << header.status().ToString();
  EXPECT_EQ(ModeOf(restored), 0700u);
  EXPECT_EQ(ModeOf(restored + "/pillarbox.db"), 0600u);
  EXPECT_EQ(Names(restored), std::vector<std::string>{"pillarbox.db"});
  auto original = store::Database::Open(data_ + "/pillarbox.db", store::OpenMode::kReadOnly);
  auto copy = store::Database::Open(restored + "/pillarbox.db", store::OpenMode::kReadOnly);
  ASSERT_TRUE(original.ok() && copy.ok());
  static constexpr char kReports[] = "SELECT COUNT(*) FROM reports";
  static constexpr char kFields[] = "SELECT COUNT(*) FROM report_fields";
  static constexpr char kUsers[] = "SELECT COUNT(*) FROM users";
  static constexpr char kAudit[] = "SELECT COUNT(*) FROM audit_log";
  for (const char* sql : {kReports, kFields, kUsers, kAudit}) {
    EXPECT_EQ(QueryInt(**copy, sql), QueryInt(**original, sql)) << sql;
  }
  EXPECT_EQ(QueryInt(**copy, kReports), 1);
}

TEST_F(BackupTest, FileHoldsNoSealedPlaintextAndNoInstanceSecret) {
  const std::string out = dir_.File("b.pbxbak");
  ASSERT_TRUE(Backup(out).ok());
  const std::string file = ReadFileBytes(out);
  EXPECT_EQ(file.find(kCanary), std::string::npos);
  std::string secret_hex = ReadFileBytes(data_ + "/instance.key");
  secret_hex.pop_back();  // the newline
  EXPECT_EQ(file.find(secret_hex), std::string::npos);
  Result<privacy::Bytes> secret = privacy::FromHex(secret_hex);
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(file.find(std::string(secret->begin(), secret->end())), std::string::npos);
  // The database itself holds no sealed plaintext either: the canary is
  // absent from the decrypted snapshot too.
  const std::string restored = dir_.File("r");
  ASSERT_TRUE(RestoreBackup(BackupSource{out, &*keys_, {}}, restored).ok());
  EXPECT_EQ(ReadFileBytes(restored + "/pillarbox.db").find(kCanary), std::string::npos);
  EXPECT_EQ(ReadFileBytes(restored + "/pillarbox.db").find(secret_hex), std::string::npos);
}

TEST_F(BackupTest, RestoreRefusesANonEmptyFolder) {
  const std::string out = dir_.File("b.pbxbak");
  ASSERT_TRUE(Backup(out).ok());
  const std::string target = dir_.File("occupied");
  std::filesystem::create_directory(target);
  WriteFile(target + "/notes.txt", "someone's file");
  Result<privacy::BackupHeader> header = RestoreBackup(BackupSource{out, &*keys_, {}}, target);
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Names(target), std::vector<std::string>{"notes.txt"});
  // An existing database is refused the same way (the data folder itself).
  EXPECT_EQ(RestoreBackup(BackupSource{out, &*keys_, {}}, data_).status().code(), StatusCode::kConflict);
}

TEST_F(BackupTest, RestoreAcceptsAFolderHoldingOnlyTheInstanceKey) {
  const std::string out = dir_.File("b.pbxbak");
  ASSERT_TRUE(Backup(out).ok());
  const std::string target = dir_.File("prepared");
  std::filesystem::create_directory(target);
  std::filesystem::copy_file(data_ + "/instance.key", target + "/instance.key");
  ASSERT_TRUE(RestoreBackup(BackupSource{out, &*keys_, {}}, target).ok());
  EXPECT_EQ(Names(target), (std::vector<std::string>{"instance.key", "pillarbox.db"}));
}

TEST_F(BackupTest, DamagedBackupFailsVerifyAndRestoreLeavesNothing) {
  const std::string out = dir_.File("b.pbxbak");
  ASSERT_TRUE(Backup(out).ok());
  std::string file = ReadFileBytes(out);
  file[file.size() / 2] ^= 0x20;
  WriteFile(out, file);
  Result<privacy::BackupHeader> verified = VerifyBackup(BackupSource{out, &*keys_, {}}, data_);
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.status().message().rfind("chunk ", 0), 0u) << verified.status().message();
  const std::string restored = dir_.File("never");
  EXPECT_FALSE(RestoreBackup(BackupSource{out, &*keys_, {}}, restored).ok());
  EXPECT_FALSE(std::filesystem::exists(restored));
  for (const std::string& name : Names(data_)) EXPECT_EQ(name.find(".backup"), std::string::npos) << name;
}

TEST_F(BackupTest, PassphraseBackupNeedsItsPassphrase) {
  const std::string out = dir_.File("p.pbxbak");
  Result<BackupSummary> summary = Backup(out, "a long enough passphrase");
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(summary->passphrase);
  EXPECT_TRUE(VerifyBackup(BackupSource{out, &*keys_, "a long enough passphrase"}, data_).ok());
  Result<privacy::BackupHeader> wrong = VerifyBackup(BackupSource{out, &*keys_, "not the passphrase"}, data_);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message(), "passphrase: wrong passphrase");
  EXPECT_FALSE(RestoreBackup(BackupSource{out, &*keys_, "not the passphrase"}, dir_.File("x")).ok());
}

TEST_F(BackupTest, AnotherInstanceCannotVerifyOrRestore) {
  const std::string out = dir_.File("b.pbxbak");
  ASSERT_TRUE(Backup(out).ok());
  const privacy::InstanceKeys other = privacy::InstanceKeys::Derive(privacy::SecretKey::Random());
  Result<privacy::BackupHeader> verified = VerifyBackup(BackupSource{out, &other, {}}, data_);
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.status().message().rfind("signature:", 0), 0u) << verified.status().message();
  EXPECT_FALSE(RestoreBackup(BackupSource{out, &other, {}}, dir_.File("other")).ok());
  EXPECT_FALSE(std::filesystem::exists(dir_.File("other")));
}

TEST_F(BackupTest, MissingDatabaseIsNotFound) {
  BackupRequest request{InstanceLayout{dir_.File("nowhere"), data_ + "/instance.key"}, dir_.File("x.pbxbak")};
  EXPECT_EQ(CreateBackup(request, clock_).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("x.pbxbak")));
}

}  // namespace
}  // namespace pillarbox::app
