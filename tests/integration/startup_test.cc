// Start-up refusals: each with a clear message and a non-zero exit.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>

#include "store/database.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

TEST(StartupTest, ServeRefusesASecretFileReadableByOthers) {
  ServiceProcess service;
  ASSERT_EQ(chmod(service.secret_path().c_str(), 0644), 0);
  const CommandResult result = RunPillarbox({"serve", "--data", service.data_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("0600"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("chmod"), std::string::npos) << result.err;
}

// A systemd credential (LoadCredential=instance.key:...) is read from
// --secret-file; the data folder then holds no secret at all.
TEST(StartupTest, ServeReadsTheSecretFromSecretFile) {
  ServiceProcess service;
  TempDir credentials;
  const std::string moved = credentials.path() + "/instance.key";
  ASSERT_EQ(rename(service.secret_path().c_str(), moved.c_str()), 0);
  ASSERT_EQ(chmod(moved.c_str(), 0400), 0);
  const CommandResult without = RunPillarbox({"serve", "--data", service.data_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(without.exit_code, 1);
  ASSERT_TRUE(service.Start({"--secret-file", moved}));
  HttpClient client(service.port());
  EXPECT_EQ(client.Get("/healthz").status, 200);
  EXPECT_EQ(client.Get("/followup").status, 200);
  // The offline commands take the same option.
  EXPECT_EQ(RunPillarbox({"audit", "verify", "--data", service.data_dir()}).exit_code, 1);
  const CommandResult verified =
      RunPillarbox({"audit", "verify", "--data", service.data_dir(), "--secret-file", moved, "--json"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("\"ok\": true"), std::string::npos) << verified.out;
}

TEST(StartupTest, ServeRefusesADatabaseFromANewerSchema) {
  ServiceProcess service;
  {
    auto db = store::Database::Open(service.database_path(), store::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'").ok());
  }
  const CommandResult result = RunPillarbox({"serve", "--data", service.data_dir(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("database schema version 999 is newer than this build supports"), std::string::npos)
      << result.err;
}

TEST(StartupTest, ServeRefusesAFolderWithoutAnInstance) {
  TempDir empty;
  const CommandResult result = RunPillarbox({"serve", "--data", empty.path(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("instance.key"), std::string::npos) << result.err;
}

TEST(StartupTest, InitRefusesToOverwriteAnInstance) {
  ServiceProcess service;
  const std::string secret_before = ReadFileBytes(service.secret_path());
  const CommandResult again = RunPillarbox({"init", "--data", service.data_dir()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already holds an instance"), std::string::npos) << again.err;
  EXPECT_EQ(ReadFileBytes(service.secret_path()), secret_before);
}

TEST(StartupTest, BadListenAddressIsAUsageError) {
  ServiceProcess service;
  const CommandResult result = RunPillarbox({"serve", "--data", service.data_dir(), "--listen", "localhost"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--listen"), std::string::npos) << result.err;
}

TEST(StartupTest, InitPrintsCredentialsOnceAsJson) {
  TempDir dir;
  const CommandResult result = RunPillarbox({"init", "--data", dir.File("data"), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"totp_uri\": \"otpauth://totp/Pillarbox:admin?secret="), std::string::npos);
  EXPECT_NE(result.out.find("\"recovery_code\""), std::string::npos);
  struct stat info {};
  ASSERT_EQ(stat(dir.File("data").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
}

}  // namespace
}  // namespace pillarbox::testing
