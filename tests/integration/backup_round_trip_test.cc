// Backups with the real binary (issue 8): `pillarbox backup` while `serve`
// runs and reports keep arriving, `pillarbox restore` into a new folder, the
// restored folder served on another port: every receipt acknowledged before
// the backup started still opens its report, and a reviewer can sign in and
// read. A flipped byte makes `backup verify` fail.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "report_payloads.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/service_process.h"
#include "support/temp_dir.h"

namespace pillarbox::testing {
namespace {

// A receipt and the canary its report's text answers start with.
struct Acknowledged {
  std::string receipt;
  std::string canary;
};

// Streams report submissions until stopped, recording each 201.
class SubmissionStream {
 public:
  SubmissionStream(uint16_t port, nlohmann::json questionnaire)
      : port_(port), questionnaire_(std::move(questionnaire)), thread_([this] { Run(); }) {}
  ~SubmissionStream() { Stop(); }

  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  // The submissions acknowledged (201) so far.
  std::vector<Acknowledged> Acknowledgements() {
    std::lock_guard<std::mutex> lock(mutex_);
    return acknowledged_;
  }
  int failures() const { return failures_; }

 private:
  void Run() {
    HttpClient client(port_);
    for (int n = 0; !stop_; ++n) {
      const std::string canary = "BACKUP" + std::to_string(n);
      const HttpResponse response = client.PostJson("/api/v1/reports", BuildReport(questionnaire_, canary).dump());
      if (response.status != 201) {
        ++failures_;
        continue;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      acknowledged_.push_back({nlohmann::json::parse(response.body)["receipt"], canary});
    }
  }

  uint16_t port_;
  nlohmann::json questionnaire_;
  std::atomic<bool> stop_{false};
  std::atomic<int> failures_{0};
  std::mutex mutex_;
  std::vector<Acknowledged> acknowledged_;
  std::thread thread_;
};

using Headers = std::map<std::string, std::string>;

HttpResponse WithToken(uint16_t port, const std::string& method, const std::string& path, const std::string& token,
                       const std::optional<std::string>& body = std::nullopt) {
  HttpClient client(port);
  return client.Request(method, path, body, body ? "application/json" : "", Headers{{"Authorization", "Bearer " + token}});
}

// "" when `receipt` signs in on `port` and the report's narrative starts
// with `canary`; otherwise what went wrong.
std::string ReceiptProblem(uint16_t port, const Acknowledged& submission) {
  HttpClient client(port);
  const HttpResponse session =
      client.PostJson("/api/v1/reporter/session", nlohmann::json{{"receipt", submission.receipt}}.dump());
  if (session.status != 201) return "sign-in answered " + std::to_string(session.status) + ": " + session.body;
  const std::string token = nlohmann::json::parse(session.body)["token"];
  const HttpResponse read = WithToken(port, "GET", "/api/v1/reporter/report", token);
  if (read.status != 200) return "report answered " + std::to_string(read.status) + ": " + read.body;
  const nlohmann::json view = nlohmann::json::parse(read.body);
  for (const auto& answer : view["answers"]) {
    if (answer["field"] == "narrative" && answer["value"].get<std::string>().rfind(submission.canary + "-", 0) == 0) {
      return "";
    }
  }
  return "the narrative is not the one submitted";
}

void FlipByte(const std::string& path, size_t offset) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  file.read(&byte, 1);
  file.seekp(static_cast<std::streamoff>(offset));
  byte = static_cast<char>(byte ^ 0x04);
  file.write(&byte, 1);
}

TEST(BackupRoundTripTest, BackupUnderLoadRestoresEveryAcknowledgedReport) {
  ServiceProcess original;
  ASSERT_TRUE(original.Start({"--submissions-per-minute", "0"})) << original.ServerLog();
  const nlohmann::json admin = nlohmann::json::parse(original.init_output())["admin"];
  const std::string admin_token = SignInStaff(original.port(), admin);
  ASSERT_FALSE(admin_token.empty());
  const HttpResponse created = WithToken(original.port(), "POST", "/api/v1/users", admin_token,
                                         R"({"username":"rita","role":"reviewer","desks":["voice_cloning"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json reviewer = nlohmann::json::parse(created.body);
  HttpClient client(original.port());
  const nlohmann::json questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);

  SubmissionStream stream(original.port(), questionnaire);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const std::vector<Acknowledged> before = stream.Acknowledgements();
  ASSERT_GE(before.size(), 10u) << "too few submissions before the backup";
  TempDir backups;
  const std::string file = backups.File("instance.pbxbak");
  const CommandResult backup = RunPillarbox({"backup", "--data", original.data_dir(), "--out", file});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stream.Stop();
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_NE(backup.out.find("backup written"), std::string::npos) << backup.out;
  EXPECT_GT(stream.Acknowledgements().size(), before.size()) << "submissions did not continue during the backup";
  EXPECT_EQ(stream.failures(), 0);
  for (const auto& entry : std::filesystem::directory_iterator(original.data_dir())) {
    EXPECT_EQ(entry.path().filename().string().find(".backup"), std::string::npos) << entry.path();
  }

  const CommandResult verified = RunPillarbox({"backup", "verify", "--in", file, "--data", original.data_dir()});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_NE(verified.out.find("backup verified"), std::string::npos);

  // The restored instance: a fresh ServiceProcess whose folder is emptied,
  // restored into, and given the original's instance secret.
  ServiceProcess restored;
  for (const auto& entry : std::filesystem::directory_iterator(restored.data_dir())) {
    std::filesystem::remove(entry.path());
  }
  const CommandResult restore = RunPillarbox(
      {"restore", "--in", file, "--data", restored.data_dir(), "--secret-file", original.secret_path()});
  ASSERT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_NE(restore.out.find("NOT in the backup"), std::string::npos) << restore.out;
  std::filesystem::copy_file(original.secret_path(), restored.secret_path());
  ASSERT_EQ(chmod(restored.secret_path().c_str(), 0600), 0);
  ASSERT_TRUE(restored.Start()) << restored.ServerLog();
  ASSERT_NE(restored.port(), original.port());

  size_t opened = 0;
  for (const Acknowledged& submission : before) {
    const std::string problem = ReceiptProblem(restored.port(), submission);
    if (problem.empty()) {
      ++opened;
    } else {
      ADD_FAILURE() << "receipt of " << submission.canary << " on the restored instance: " << problem;
    }
  }
  EXPECT_EQ(opened, before.size());

  const std::string reviewer_token = SignInStaff(restored.port(), reviewer);
  ASSERT_FALSE(reviewer_token.empty());
  const HttpResponse queue = WithToken(restored.port(), "GET", "/api/v1/reports?limit=5", reviewer_token);
  ASSERT_EQ(queue.status, 200) << queue.body;
  const auto reports = nlohmann::json::parse(queue.body)["reports"];
  ASSERT_FALSE(reports.empty());
  const HttpResponse report =
      WithToken(restored.port(), "GET", "/api/v1/reports/" + reports[0]["id"].get<std::string>(), reviewer_token);
  EXPECT_EQ(report.status, 200) << report.body;
  EXPECT_NE(report.body.find("BACKUP"), std::string::npos);  // the reviewer opened the sealed answers

  FlipByte(file, std::filesystem::file_size(file) / 2);
  const CommandResult damaged = RunPillarbox({"backup", "verify", "--in", file, "--data", original.data_dir()});
  EXPECT_NE(damaged.exit_code, 0);
  EXPECT_NE(damaged.err.find("chunk "), std::string::npos) << damaged.err;
}

TEST(BackupRoundTripTest, RestoreRefusesANonEmptyFolderAndVerifyNamesTruncation) {
  ServiceProcess original;
  TempDir backups;
  const std::string file = backups.File("b.pbxbak");
  const CommandResult backup = RunPillarbox({"backup", "--data", original.data_dir(), "--out", file});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  // The serving instance's own folder is not empty.
  const CommandResult refused = RunPillarbox(
      {"restore", "--in", file, "--data", original.data_dir(), "--secret-file", original.secret_path()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("not empty"), std::string::npos) << refused.err;
  std::filesystem::resize_file(file, std::filesystem::file_size(file) - 3);
  const CommandResult truncated = RunPillarbox({"backup", "verify", "--in", file, "--secret-file", original.secret_path()});
  EXPECT_EQ(truncated.exit_code, 1);
  EXPECT_NE(truncated.err.find("truncated"), std::string::npos) << truncated.err;
}

TEST(BackupRoundTripTest, PassphraseBackupVerifiesOnlyWithItsPassphrase) {
  ServiceProcess original;
  TempDir backups;
  const std::string passphrase = backups.File("passphrase");
  const std::string wrong = backups.File("wrong");
  for (const auto& [path, text] : {std::pair{passphrase, "a passphrase for the backup drill\n"},
                                   std::pair{wrong, "some other passphrase entirely\n"}}) {
    std::ofstream(path) << text;
    ASSERT_EQ(chmod(path.c_str(), 0600), 0);
  }
  const std::string file = backups.File("p.pbxbak");
  const CommandResult backup =
      RunPillarbox({"backup", "--data", original.data_dir(), "--out", file, "--passphrase-file", passphrase});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_NE(backup.out.find("passphrase"), std::string::npos) << backup.out;
  EXPECT_EQ(RunPillarbox({"backup", "verify", "--in", file, "--data", original.data_dir(), "--passphrase-file",
                          passphrase}).exit_code, 0);
  const CommandResult refused =
      RunPillarbox({"backup", "verify", "--in", file, "--data", original.data_dir(), "--passphrase-file", wrong});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("wrong passphrase"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace pillarbox::testing
