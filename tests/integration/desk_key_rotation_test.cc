// Desk key rotation against the real binary, killed with SIGKILL at several
// points of the re-seal job: after each restart every report still opens for
// a desk member and none is sealed to a version nobody holds; resuming
// finishes the job, the old versions' sealed copies are gone from the
// database, and a removed member's copy of the old desk key (taken from the
// database before the removal, as a thief would) opens no report's data key.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "privacy/envelope.h"
#include "privacy/init.h"
#include "privacy/password_kdf.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "store/database.h"
#include "store/user_repository.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

constexpr char kDesk[] = "voice_cloning";
constexpr int kReports = 3000;
constexpr char kRotationPath[] = "/api/v1/desks/voice_cloning/key-rotation";

// One stored report's sealed data key.
struct StoredReport {
  std::string id;
  int64_t key_version = 0;
  std::vector<uint8_t> sealed_data_key;
};

std::vector<StoredReport> StoredReports(const std::string& db_path) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  auto select = (*db)->Prepare("SELECT id, desk_key_version, desk_sealed_data_key FROM reports WHERE desk_id = ?");
  EXPECT_TRUE(select.ok());
  (*select)->BindText(1, kDesk);
  std::vector<StoredReport> reports;
  while (*(*select)->Step()) {
    reports.push_back({(*select)->ColumnText(0), (*select)->ColumnInt64(1), (*select)->ColumnBlob(2)});
  }
  (*select)->Reset();
  return reports;
}

// Runs `sql` (one integer result) on the database file.
int64_t QueryInt(const std::string& db_path, const std::string& sql) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  auto select = (*db)->Prepare(sql.c_str());
  EXPECT_TRUE(select.ok());
  EXPECT_TRUE(*(*select)->Step());
  const int64_t value = (*select)->ColumnInt64(0);
  (*select)->Reset();
  return value;
}

// What a member who kept a copy of the database and their password can
// take: their copy of the desk key of `version`, unsealed with their own key.
privacy::BoxKeyPair StealDeskKey(const std::string& db_path, const nlohmann::json& credentials, uint32_t version) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  const std::string id = credentials["id"];
  auto user = store::FindUserById(**db, id);
  EXPECT_TRUE(user.ok() && user->has_value());
  auto password = privacy::DerivePasswordKeys(
      credentials["password"].get<std::string>(), (*user)->password_salt,
      {static_cast<uint64_t>((*user)->kdf_operations), static_cast<size_t>((*user)->kdf_memory_bytes)});
  EXPECT_TRUE(password.ok());
  auto secret = privacy::UnwrapKey(password->key_encryption_key, "users.password_wrapped_key|" + id,
                                   (*user)->password_wrapped_key);
  EXPECT_TRUE(secret.ok());
  const auto user_key = privacy::BoxKeyPair::FromSecretKey(std::move(*secret));
  auto memberships = store::ListMembershipsOfUser(**db, id);
  EXPECT_TRUE(memberships.ok());
  for (const auto& membership : *memberships) {
    if (membership.desk_id != kDesk || membership.key_version != version) continue;
    auto desk_secret = privacy::OpenSealedKey(user_key, membership.sealed_desk_key);
    EXPECT_TRUE(desk_secret.ok());
    return privacy::BoxKeyPair::FromSecretKey(std::move(*desk_secret));
  }
  ADD_FAILURE() << "the member held no copy of version " << version;
  return privacy::BoxKeyPair::Generate();
}

class DeskKeyRotationTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(privacy::InitializeAndSelfTest().ok()); }

  bool StartService(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--submissions-per-minute", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return service_.Start(args);
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& token,
                    const std::optional<std::string>& body = std::nullopt) {
    HttpClient client(service_.port());
    return client.Request(method, path, body, body ? "application/json" : "", {{"Authorization", "Bearer " + token}});
  }

  nlohmann::json CreateUser(const std::string& token, const std::string& name, const std::string& role) {
    const auto response = Call("POST", "/api/v1/users", token,
                               nlohmann::json{{"username", name}, {"role", role}, {"desks", {kDesk}}}.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body);
  }

  // Submits kReports reports to the desk from 8 clients; returns the body.
  nlohmann::json SubmitReports() {
    HttpClient client(service_.port());
    const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    const nlohmann::json report = BuildReport(questionnaire, "ROTATION");
    const std::string body = report.dump();
    std::atomic<int> created{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t) {
      clients.emplace_back([&] {
        HttpClient own(service_.port());
        for (int i = 0; i < kReports / 8; ++i) {
          if (own.PostJson("/api/v1/reports", body).status == 201) ++created;
        }
      });
    }
    for (auto& thread : clients) thread.join();
    EXPECT_EQ(created.load(), kReports);
    return report;
  }

  nlohmann::json Progress(const std::string& token) {
    const auto response = Call("GET", kRotationPath, token);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false);
  }

  // Polls the progress until `condition` holds or the job stops, then kill -9.
  // Returns the last progress seen.
  nlohmann::json KillWhen(const std::string& token, const std::function<bool(const nlohmann::json&)>& condition) {
    nlohmann::json progress;
    for (int i = 0; i < 30000; ++i) {
      progress = Progress(token);
      if (condition(progress) || !progress.value("running", false)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    service_.Kill();
    return progress;
  }

  nlohmann::json WaitUntilIdle(const std::string& token) {
    nlohmann::json progress;
    for (int i = 0; i < 6000; ++i) {
      progress = Progress(token);
      if (!progress.value("running", true)) return progress;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "the re-seal job did not end: " << progress.dump();
    return progress;
  }

  // After a restart: nothing unreadable, and 50 reports (both versions when
  // both are in use) open for a desk member with their decrypted answers.
  void ExpectEveryReportReadable(const std::string& token, const nlohmann::json& report) {
    const nlohmann::json progress = Progress(token);
    EXPECT_EQ(progress["unreadable_records"], 0) << progress.dump();
    EXPECT_FALSE(progress["running"]) << "nothing resumes by itself";
    const auto stored = StoredReports(service_.database_path());
    ASSERT_EQ(stored.size(), static_cast<size_t>(kReports));
    int64_t on_old = 0;
    std::vector<const StoredReport*> old_sample;
    std::vector<const StoredReport*> new_sample;
    for (const StoredReport& entry : stored) {
      const bool old = entry.key_version != progress["current_version"].get<int64_t>();
      on_old += old ? 1 : 0;
      auto& sample = old ? old_sample : new_sample;
      if (sample.size() < 25) sample.push_back(&entry);
    }
    EXPECT_EQ(progress["records_on_old_versions"], on_old) << "progress is read from the data";
    std::vector<const StoredReport*> sample = old_sample;
    sample.insert(sample.end(), new_sample.begin(), new_sample.end());
    for (size_t i = 0; sample.size() < 50 && i < stored.size(); i += 97) sample.push_back(&stored[i]);
    for (const StoredReport* entry : sample) {
      const auto opened = Call("GET", "/api/v1/reports/" + entry->id, token);
      ASSERT_EQ(opened.status, 200) << "report on version " << entry->key_version << ": " << opened.body;
      EXPECT_EQ(nlohmann::json::parse(opened.body)["answers"]["narrative"], report["answers"]["narrative"]);
    }
  }

  ServiceProcess service_;
};

TEST_F(DeskKeyRotationTest, KilledAtAnyPointEveryReportStaysReadableAndResumingRetiresTheOldKeys) {
  ASSERT_TRUE(StartService({"--key-reseal-batch", "10"})) << service_.ServerLog();
  const nlohmann::json root = nlohmann::json::parse(service_.init_output())["admin"];
  const std::string root_token = SignInStaff(service_.port(), root);
  // One admin per sign-in after a restart: a TOTP code is accepted once.
  std::vector<nlohmann::json> admins;
  for (int i = 0; i < 4; ++i) admins.push_back(CreateUser(root_token, "rotator-" + std::to_string(i), "admin"));
  const nlohmann::json leaver = CreateUser(root_token, "leaver", "reviewer");
  const nlohmann::json report = SubmitReports();

  // The leaver keeps a copy of desk key version 1 (their sealed copy and
  // their password) and is removed: version 2 is made for future reports.
  const privacy::BoxKeyPair stolen = StealDeskKey(service_.database_path(), leaver, 1);
  for (const StoredReport& entry : StoredReports(service_.database_path())) {
    ASSERT_TRUE(privacy::OpenSealedKey(stolen, entry.sealed_data_key).ok()) << "the stolen key opens every report";
  }
  ASSERT_EQ(Call("DELETE", "/api/v1/desks/voice_cloning/members/" + leaver["id"].get<std::string>(), root_token)
                .status,
            200);
  std::string token = SignInStaff(service_.port(), admins[0]);
  nlohmann::json progress = Progress(token);
  EXPECT_EQ(progress["current_version"], 2);
  EXPECT_EQ(progress["records_on_old_versions"], kReports) << progress.dump();

  // (a) just after the start of a rotation to version 3.
  const auto started = Call("POST", kRotationPath, token, R"({"new_version": true})");
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(nlohmann::json::parse(started.body)["current_version"], 3);
  service_.Kill();
  ASSERT_TRUE(StartService({"--key-reseal-batch", "10"})) << service_.ServerLog();
  token = SignInStaff(service_.port(), admins[1]);
  ExpectEveryReportReadable(token, report);
  EXPECT_EQ(Progress(token)["current_version"], 3) << "the rotation was committed before the answer";

  // (b) about half way, (c) near the end.
  const std::vector<int64_t> kill_below = {kReports / 2, kReports / 10};
  for (size_t round = 0; round < kill_below.size(); ++round) {
    const auto resumed = Call("POST", kRotationPath, token, "{}");
    ASSERT_EQ(resumed.status, 202) << resumed.body;
    EXPECT_EQ(nlohmann::json::parse(resumed.body)["current_version"], 3) << "{} does not rotate";
    const nlohmann::json seen = KillWhen(token, [&](const nlohmann::json& now) {
      return now["records_on_old_versions"].get<int64_t>() <= kill_below[round];
    });
    EXPECT_GT(seen["records_on_old_versions"].get<int64_t>(), 0) << "killed before the job finished";
    ASSERT_TRUE(StartService({"--key-reseal-batch", "10"})) << service_.ServerLog();
    token = SignInStaff(service_.port(), admins[2 + round]);
    ExpectEveryReportReadable(token, report);
    EXPECT_LE(Progress(token)["records_on_old_versions"].get<int64_t>(), kill_below[round] + 10)
        << "the work done before the kill stays done";
  }

  // Resume to the end.
  ASSERT_EQ(Call("POST", kRotationPath, token, "{}").status, 202);
  progress = WaitUntilIdle(token);
  EXPECT_EQ(progress["records_on_old_versions"], 0) << progress.dump();
  EXPECT_EQ(progress["unreadable_records"], 0);
  ASSERT_EQ(progress["old_versions"].size(), 2u);
  for (const auto& old : progress["old_versions"]) {
    EXPECT_EQ(old["records"], 0);
    EXPECT_EQ(old["sealed_copies"], 0);
    EXPECT_EQ(old["retired"], true) << old.dump();
  }
  ExpectEveryReportReadable(token, report);
  ASSERT_EQ(service_.Stop(), 0);

  const std::string db_path = service_.database_path();
  EXPECT_EQ(QueryInt(db_path, "SELECT count(*) FROM desk_members WHERE desk_id = 'voice_cloning' AND key_version < 3"),
            0)
      << "no sealed copy of an old version is left in the database";
  EXPECT_EQ(QueryInt(db_path, "SELECT count(*) FROM desk_members WHERE desk_id = 'voice_cloning' AND key_version = 3"),
            5)
      << "the current version stays sealed to every enabled member (root and the four rotators)";
  int opened_by_stolen_key = 0;
  const auto stored = StoredReports(db_path);
  for (const StoredReport& entry : stored) {
    EXPECT_EQ(entry.key_version, 3);
    opened_by_stolen_key += privacy::OpenSealedKey(stolen, entry.sealed_data_key).ok() ? 1 : 0;
  }
  EXPECT_EQ(opened_by_stolen_key, 0) << "the removed member's old key opens nothing any more";
  const CommandResult audit = RunPillarbox({"audit", "verify", "--data", service_.data_dir(), "--json"});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST_F(DeskKeyRotationTest, RefusalsChangeNothing) {
  ASSERT_TRUE(StartService()) << service_.ServerLog();
  const nlohmann::json root = nlohmann::json::parse(service_.init_output())["admin"];
  const std::string root_token = SignInStaff(service_.port(), root);
  const nlohmann::json reviewer = CreateUser(root_token, "desk-reviewer", "reviewer");
  const std::string reviewer_token = SignInStaff(service_.port(), reviewer);
  const auto bad = Call("POST", kRotationPath, root_token, R"({"new_version": "yes"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body)["error"]["field"], "new_version");
  const auto unknown = Call("POST", kRotationPath, root_token, R"({"version": 4})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(nlohmann::json::parse(unknown.body)["error"]["field"], "version");
  EXPECT_EQ(Call("POST", kRotationPath, reviewer_token, R"({"new_version": true})").status, 403);
  EXPECT_EQ(Call("GET", kRotationPath, reviewer_token).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/desks/nope/key-rotation", root_token, R"({"new_version": true})").status, 404);
  EXPECT_EQ(Call("POST", kRotationPath, "", "{}").status, 401);
  EXPECT_EQ(Progress(root_token)["current_version"], 1) << "no refused call rotated the key";
}

// Measures the re-seal rate with the default batch (docs/OPERATIONS.md
// quotes it): the job's log line gives the records and the milliseconds.
TEST_F(DeskKeyRotationTest, AFullRotationLogsItsRate) {
  ASSERT_TRUE(StartService()) << service_.ServerLog();
  const nlohmann::json root = nlohmann::json::parse(service_.init_output())["admin"];
  const std::string token = SignInStaff(service_.port(), root);
  SubmitReports();
  ASSERT_EQ(Call("POST", kRotationPath, token, R"({"new_version": true})").status, 202);
  const nlohmann::json progress = WaitUntilIdle(token);
  EXPECT_EQ(progress["records_on_old_versions"], 0);
  const std::string log = service_.ServerLog();
  const auto line = log.find("desk key reseal desk=voice_cloning");
  ASSERT_NE(line, std::string::npos) << log;
  const std::string entry = log.substr(line, log.find('\n', line) - line);
  EXPECT_NE(entry.find("outcome=done resealed=" + std::to_string(kReports)), std::string::npos) << entry;
  const auto ms_at = entry.find("ms=");
  ASSERT_NE(ms_at, std::string::npos);
  const double ms = std::stod(entry.substr(ms_at + 3));
  std::cout << "[ rate ] re-sealed " << kReports << " records in " << ms << " ms: "
            << (ms > 0 ? kReports * 1000.0 / ms : 0.0) << " records/s\n";
}

}  // namespace
}  // namespace pillarbox::testing
