// `pillarbox audit verify` on a real instance: init's entries verify; an edit
// made with the database alone is named; another instance secret cannot
// verify (or recompute) the chain.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "privacy/instance_secret.h"
#include "store/database.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

// The N of "audit log ok: N entries" in `out`; -1 when absent.
int64_t OkEntries(const std::string& out) {
  const std::string prefix = "audit log ok: ";
  const size_t at = out.find(prefix);
  if (at == std::string::npos) return -1;
  return std::stoll(out.substr(at + prefix.size()));
}

void Execute(const std::string& db_path, const std::string& sql) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  const Status status = (*db)->Execute(sql);
  ASSERT_TRUE(status.ok()) << status.ToString();
}

TEST(AuditCliTest, InitRecordsEntriesThatVerify) {
  ServiceProcess service;
  const CommandResult result = RunPillarbox({"audit", "verify", "--data", service.data_dir()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // instance.created, account.created, and per desk desk.created + desk.member.added.
  EXPECT_GE(OkEntries(result.out), 1 + 1 + 3 + 3) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST(AuditCliTest, JsonOutputCarriesTheCount) {
  ServiceProcess service;
  const CommandResult result = RunPillarbox({"audit", "verify", "--data", service.data_dir(), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"ok\": true"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"entries\": "), std::string::npos) << result.out;
}

TEST(AuditCliTest, AnEditedEntryIsNamed) {
  ServiceProcess service;
  Execute(service.database_path(), "UPDATE audit_log SET detail = 'role=reviewer' WHERE seq = 2");
  CommandResult result = RunPillarbox({"audit", "verify", "--data", service.data_dir()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("audit log BROKEN at entry 2:"), std::string::npos) << result.err;
  EXPECT_EQ(result.out.find("audit log ok"), std::string::npos) << result.out;

  result = RunPillarbox({"audit", "verify", "--data", service.data_dir(), "--json"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("\"first_bad_seq\": 2"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"ok\": false"), std::string::npos) << result.out;
}

TEST(AuditCliTest, ADeletedEntryIsNamed) {
  ServiceProcess service;
  Execute(service.database_path(), "DELETE FROM audit_log WHERE seq = 3");
  const CommandResult result = RunPillarbox({"audit", "verify", "--data", service.data_dir()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("audit log BROKEN at entry 3:"), std::string::npos) << result.err;
}

TEST(AuditCliTest, TheDatabaseWithAnotherInstanceSecretDoesNotVerify) {
  ServiceProcess service;
  TempDir other;
  ASSERT_TRUE(privacy::InstanceKeys::CreateFile(other.File("instance.key")).ok());
  for (const std::string suffix : {"", "-wal"}) {
    if (std::filesystem::exists(service.database_path() + suffix)) {
      std::filesystem::copy_file(service.database_path() + suffix, other.File("pillarbox.db" + suffix));
    }
  }
  const CommandResult result = RunPillarbox({"audit", "verify", "--data", other.path()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("audit log BROKEN at entry 1:"), std::string::npos) << result.err;
}

TEST(AuditCliTest, RefusesASecretFileReadableByOthers) {
  ServiceProcess service;
  ASSERT_EQ(chmod(service.secret_path().c_str(), 0644), 0);
  const CommandResult result = RunPillarbox({"audit", "verify", "--data", service.data_dir()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("chmod 600"), std::string::npos) << result.err;
}

TEST(AuditCliTest, RefusesAFolderWithoutAnInstance) {
  TempDir empty;
  const CommandResult result = RunPillarbox({"audit", "verify", "--data", empty.path()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("instance.key"), std::string::npos) << result.err;
}

TEST(AuditCliTest, VerifyNeedsItsSubcommandAndData) {
  EXPECT_EQ(RunPillarbox({"audit"}).exit_code, 2);
  EXPECT_EQ(RunPillarbox({"audit", "verify"}).exit_code, 2);
}

}  // namespace
}  // namespace pillarbox::testing
