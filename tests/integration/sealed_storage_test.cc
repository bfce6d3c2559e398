// Canary scan: what a thief holding the data folder (database, WAL, shared
// memory file) or the server's log could read. Every text answer of every
// kind carries a canary; none may appear anywhere but through the receipt.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

TEST(SealedStorageTest, NoSealedAnswerAppearsInTheDatabaseWalOrLog) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start()) << service.ServerLog();
  HttpClient client(service.port());
  std::vector<std::string> canaries;
  std::vector<std::string> receipts;
  for (const std::string kind : {"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"}) {
    const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/" + kind).body);
    for (int copy = 0; copy < 3; ++copy) {
      const auto body = BuildReport(questionnaire, "CANARY" + std::to_string(copy) + kind, &canaries);
      const HttpResponse response = client.PostJson("/api/v1/reports", body.dump());
      ASSERT_EQ(response.status, 201) << response.body;
      receipts.push_back(nlohmann::json::parse(response.body)["receipt"]);
    }
  }
  ASSERT_GE(canaries.size(), 18u);

  // While the server runs, the reports sit in the WAL; scan all three files.
  const std::string stored = ReadDatabaseFiles(service.database_path());
  ASSERT_GT(stored.size(), 4096u);
  const std::string log = service.ServerLog();
  for (const std::string& canary : canaries) {
    EXPECT_EQ(stored.find(canary), std::string::npos) << canary << " found in the database files";
    EXPECT_EQ(log.find(canary), std::string::npos) << canary << " found in the log";
  }
  for (const std::string& receipt : receipts) {
    EXPECT_EQ(stored.find(receipt), std::string::npos) << "a receipt is stored";
    EXPECT_EQ(log.find(receipt), std::string::npos) << "a receipt is logged";
  }
  EXPECT_NE(log.find("status=201"), std::string::npos) << "the log has request lines";
  EXPECT_EQ(log.find("127.0.0.1"), std::string::npos) << "the log names an address";

  // The canaries are really there, sealed: the receipt opens each report.
  auto answers = OpenReportWithReceipt(service.data_dir(), receipts.back());
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  EXPECT_EQ((*answers)["summary"].rfind("CANARY2workplace_ai_harm-summary-", 0), 0u);

  // And after a clean stop (WAL checkpointed into the main file) still nothing.
  ASSERT_EQ(service.Stop(), 0);
  const std::string after = ReadDatabaseFiles(service.database_path());
  for (const std::string& canary : canaries) EXPECT_EQ(after.find(canary), std::string::npos) << canary;
}

TEST(SealedStorageTest, TheSecretFileIsPrivateAndItsKeyIsNotInTheDatabase) {
  ServiceProcess service;
  struct stat info {};
  ASSERT_EQ(stat(service.secret_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(stat(service.database_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0077, 0u) << "the database is readable by others";
  const std::string secret = ReadFileBytes(service.secret_path());
  ASSERT_EQ(secret.size(), 65u);
  const std::string stored = ReadDatabaseFiles(service.database_path());
  EXPECT_EQ(stored.find(secret.substr(0, 64)), std::string::npos);
  const auto credentials = nlohmann::json::parse(service.init_output());
  for (const char* secret_field : {"password", "totp_secret", "recovery_code"}) {
    const std::string value = credentials["admin"][secret_field];
    EXPECT_EQ(stored.find(value), std::string::npos) << secret_field << " stored in clear";
  }
}

}  // namespace
}  // namespace pillarbox::testing
