// `pillarbox instance rotate-master` on a real instance, killed with SIGKILL
// at several points and run again: after each kill every blind index is under
// the old or the new index key, the audit log verifies, serve refuses to
// start until the rotation is finished; at the end every receipt handed out
// before still signs in, reports group as before (and a new report joins its
// old group), the old master is gone from the keyring and its index digests
// from the database files, and the signing key has changed.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "privacy/blind_index.h"
#include "privacy/init.h"
#include "privacy/instance_keyring.h"
#include "privacy/instance_secret.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "store/database.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

constexpr int kReports = 240;
constexpr char kBatch[] = "12";  // 20 batches: kills land between them
const std::vector<std::string> kNoQuota = {"--submissions-per-minute", "0"};  // 240 reports at once

struct DigestCounts {
  int old_key = 0;
  int new_key = 0;
  int neither = 0;
};

class MasterKeyRotationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(privacy::InitializeAndSelfTest().ok());
    admin_ = json::parse(service_.init_output())["admin"];
    const std::string password_file = scratch_.File("password");
    std::ofstream(password_file) << admin_["password"].get<std::string>() << "\n";
    ASSERT_EQ(chmod(password_file.c_str(), 0600), 0);
    rotate_args_ = {"instance", "rotate-master", "--data", service_.data_dir(), "--user",
                    admin_["username"],    "--password-file", password_file, "--batch-size", kBatch};
  }

  // Submits kReports voice_cloning reports naming two organizations; keeps the receipts.
  void SubmitReports() {
    HttpClient client(service_.port());
    const json questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    for (int i = 0; i < kReports; ++i) {
      json body = BuildReport(questionnaire, "ROTCANARY");
      body["answers"]["organization"] = i % 3 == 0 ? "Globexium Ltd" : "Acmevoxtra, Inc.";
      const HttpResponse response = client.PostJson("/api/v1/reports", body.dump());
      ASSERT_EQ(response.status, 201) << response.body;
      receipts_.push_back(json::parse(response.body)["receipt"]);
    }
  }

  // Organization group sizes as the admin sees them, ascending.
  std::vector<int> GroupSizes(const std::string& token) {
    HttpClient client(service_.port());
    const HttpResponse response =
        client.Request("GET", "/api/v1/aggregates/groups?by=organization&min=1", std::nullopt, "application/json",
                       {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(response.status, 200) << response.body;
    std::vector<int> sizes;
    const json answer = json::parse(response.body);
    for (const json& group : answer["groups"]) sizes.push_back(group["count"].get<int>());
    std::sort(sizes.begin(), sizes.end());
    return sizes;
  }

  // How many organization digests match the old and the new index key.
  DigestCounts CountDigests(const privacy::InstanceKeys& old_keys, const privacy::InstanceKeys& new_keys) {
    std::map<std::string, int> which;
    for (const char* name : {"Acmevoxtra", "Globexium"}) {
      which[privacy::ToHex(privacy::BlindIndex(old_keys.blind_index_key(), "organization", name))] = 1;
      which[privacy::ToHex(privacy::BlindIndex(new_keys.blind_index_key(), "organization", name))] = 2;
    }
    auto db = store::Database::Open(service_.database_path(), store::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok());
    DigestCounts counts;
    auto select = (*db)->Prepare("SELECT hex(digest) FROM report_blind_indexes WHERE field = 'organization'");
    EXPECT_TRUE(select.ok());
    for (Result<bool> row = (*select)->Step(); row.ok() && *row; row = (*select)->Step()) {
      std::string hex = (*select)->ColumnText(0);
      std::transform(hex.begin(), hex.end(), hex.begin(), ::tolower);
      const int kind = which.count(hex) ? which[hex] : 0;
      (kind == 1 ? counts.old_key : kind == 2 ? counts.new_key : counts.neither)++;
    }
    (*select)->Reset();
    return counts;
  }

  int AuditVerifyExitCode() { return RunPillarbox({"audit", "verify", "--data", service_.data_dir()}).exit_code; }

  ServiceProcess service_;
  TempDir scratch_;
  json admin_;
  std::vector<std::string> rotate_args_;
  std::vector<std::string> receipts_;
};

TEST_F(MasterKeyRotationTest, SurvivesKillNineAtSeveralPointsAndFinishes) {
  ASSERT_TRUE(service_.Start(kNoQuota));
  SubmitReports();
  const std::vector<int> groups_before = GroupSizes(SignInStaff(service_.port(), admin_));
  ASSERT_EQ(groups_before, (std::vector<int>{kReports / 3, kReports - kReports / 3}));
  const std::string signing_before = RunPillarbox({"instance", "signing-key", "--data", service_.data_dir()}).out;

  // Refused while serve runs (the data folder lock), nothing changed.
  const std::string secret_before = ReadFileBytes(service_.secret_path());
  CommandResult refused = RunPillarbox(rotate_args_);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("is pillarbox serve running"), std::string::npos) << refused.err;
  ASSERT_EQ(service_.Stop(), 0);
  EXPECT_EQ(ReadFileBytes(service_.secret_path()), secret_before);
  auto old_keyring = privacy::InstanceKeyring::Read(service_.secret_path());
  ASSERT_TRUE(old_keyring.ok());
  const privacy::InstanceKeys old_keys = privacy::InstanceKeys::FromKeyring(*old_keyring);

  // Kill 1: right after the new master is written.
  CommandResult run = RunPillarboxKilledAt(rotate_args_, "new master key version 2 written");
  ASSERT_EQ(run.exit_code, 128 + 9) << run.out << run.err;
  auto rotating = privacy::InstanceKeyring::Read(service_.secret_path());
  ASSERT_TRUE(rotating.ok()) << rotating.status().ToString();
  ASSERT_TRUE(rotating->retiring().has_value()) << "both masters are kept until the end";
  EXPECT_EQ(privacy::ToHex(rotating->retiring()->key.bytes()), privacy::ToHex(old_keyring->master().key.bytes()));
  const privacy::InstanceKeys new_keys = privacy::InstanceKeys::FromKeyring(*rotating);
  EXPECT_EQ(AuditVerifyExitCode(), 0);
  EXPECT_FALSE(service_.Start()) << "serve must refuse an unfinished rotation";
  EXPECT_NE(service_.ServerLog().find("master key rotation is unfinished"), std::string::npos) << service_.ServerLog();

  // Kill 2: after the audit chain moved to the new key.
  run = RunPillarboxKilledAt(rotate_args_, "audit log re-keyed");
  ASSERT_EQ(run.exit_code, 128 + 9) << run.out << run.err;
  EXPECT_NE(run.out.find("resuming the rotation to master key version 2"), std::string::npos) << run.out;
  EXPECT_EQ(AuditVerifyExitCode(), 0) << "the chain verifies under the key it is under";
  DigestCounts counts = CountDigests(old_keys, new_keys);
  EXPECT_EQ(counts.neither, 0);
  EXPECT_EQ(counts.old_key + counts.new_key, kReports);

  // Kill 3: half-way through the re-index; every digest is under one key or the other.
  run = RunPillarboxKilledAt(rotate_args_, "re-indexed 120 of 240 reports");
  ASSERT_EQ(run.exit_code, 128 + 9) << run.out << run.err;
  counts = CountDigests(old_keys, new_keys);
  EXPECT_EQ(counts.neither, 0);
  EXPECT_EQ(counts.old_key + counts.new_key, kReports);
  EXPECT_GE(counts.new_key, 120);
  // How far past the marker the kill landed (usually 0 or 1 batch; 20 in all).
  RecordProperty("old_key_digests_at_third_kill", counts.old_key);
  EXPECT_EQ(AuditVerifyExitCode(), 0);

  // Run to the end.
  run = RunPillarbox(rotate_args_);
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("master key rotated to version 2"), std::string::npos) << run.out;
  counts = CountDigests(old_keys, new_keys);
  EXPECT_EQ(counts.new_key, kReports);
  EXPECT_EQ(counts.old_key, 0);
  auto finished = privacy::InstanceKeyring::Read(service_.secret_path());
  ASSERT_TRUE(finished.ok());
  EXPECT_EQ(finished->master().version, 2u);
  EXPECT_FALSE(finished->retiring().has_value());
  ASSERT_EQ(finished->retired_peppers().size(), 1u);
  const std::string keyring_text = ReadFileBytes(service_.secret_path());
  EXPECT_EQ(keyring_text.find(privacy::ToHex(old_keyring->master().key.bytes())), std::string::npos)
      << "the old master must be destroyed";
  const std::string old_digest =
      privacy::ToHex(privacy::BlindIndex(old_keys.blind_index_key(), "organization", "Acmevoxtra"));
  const privacy::Bytes old_digest_bytes = *privacy::FromHex(old_digest);
  const std::string files = ReadDatabaseFiles(service_.database_path());
  EXPECT_EQ(files.find(std::string(old_digest_bytes.begin(), old_digest_bytes.end())), std::string::npos)
      << "an old digest is left in the database files";
  EXPECT_EQ(AuditVerifyExitCode(), 0);

  // Serve again: receipts, groups, a new report joining its old group, a new signing key.
  ASSERT_TRUE(service_.Start(kNoQuota)) << service_.ServerLog();
  HttpClient client(service_.port());
  for (const std::string& receipt : receipts_) {
    const HttpResponse signed_in = client.PostJson("/api/v1/reporter/session", json{{"receipt", receipt}}.dump());
    ASSERT_EQ(signed_in.status, 201) << "a receipt from before the rotation no longer signs in";
  }
  const std::string token = SignInStaff(service_.port(), admin_, 30);  // a second sign-in within seconds
  EXPECT_EQ(GroupSizes(token), groups_before);
  const json questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  json body = BuildReport(questionnaire, "ROTCANARY");
  body["answers"]["organization"] = "ACMEVOXTRA";
  const HttpResponse fresh = client.PostJson("/api/v1/reports", body.dump());
  ASSERT_EQ(fresh.status, 201);
  EXPECT_EQ(GroupSizes(token), (std::vector<int>{kReports / 3, kReports - kReports / 3 + 1}));
  const HttpResponse fresh_session =
      client.PostJson("/api/v1/reporter/session", json{{"receipt", json::parse(fresh.body)["receipt"]}}.dump());
  EXPECT_EQ(fresh_session.status, 201);
  const std::string signing_after = RunPillarbox({"instance", "signing-key", "--data", service_.data_dir()}).out;
  EXPECT_NE(signing_after, signing_before);
  EXPECT_EQ(signing_after.size(), signing_before.size());
}

TEST_F(MasterKeyRotationTest, AWrongPasswordOrAReviewerChangesNothing) {
  const std::string secret_before = ReadFileBytes(service_.secret_path());
  const std::string wrong = scratch_.File("wrong");
  std::ofstream(wrong) << "not the password\n";
  ASSERT_EQ(chmod(wrong.c_str(), 0600), 0);
  std::vector<std::string> args = rotate_args_;
  args[7] = wrong;
  CommandResult run = RunPillarbox(args);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("wrong password"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("not the password"), std::string::npos);
  EXPECT_EQ(ReadFileBytes(service_.secret_path()), secret_before);

  ASSERT_EQ(chmod(wrong.c_str(), 0644), 0);
  run = RunPillarbox(args);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("chmod 600"), std::string::npos) << run.err;
  EXPECT_EQ(ReadFileBytes(service_.secret_path()), secret_before);
  ASSERT_TRUE(service_.Start()) << "nothing was left half-done";
}

}  // namespace
}  // namespace pillarbox::testing
