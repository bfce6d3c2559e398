// Desk membership over HTTP against the real binary: an admin removes a
// reviewer from a desk, which rotates the desk key; the removed reviewer's
// session ends, a report submitted afterwards is sealed to the new key and is
// read by the member who stayed signed in throughout; the admin adds the
// reviewer back. Refusals name the field.
#include <gtest/gtest.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "privacy/totp.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

class DeskMembershipApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start()) << service_.ServerLog();
    admin_token_ = Login(nlohmann::json::parse(service_.init_output())["admin"]);
  }

  std::string Login(const nlohmann::json& credentials) {
    return SignInStaff(service_.port(), credentials);
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& token,
                    const std::optional<std::string>& body = std::nullopt) {
    HttpClient client(service_.port());
    return client.Request(method, path, body, body ? "application/json" : "", {{"Authorization", "Bearer " + token}});
  }

  nlohmann::json CreateReviewer(const std::string& name) {
    const auto response = Call("POST", "/api/v1/users", admin_token_,
                               nlohmann::json{{"username", name}, {"role", "reviewer"}, {"desks", {"voice_cloning"}}}
                                   .dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body);
  }

  nlohmann::json VoiceDesk() {
    const auto response = Call("GET", "/api/v1/desks", admin_token_);
    EXPECT_EQ(response.status, 200) << response.body;
    const auto body = nlohmann::json::parse(response.body);
    for (const auto& desk : body["desks"]) {
      if (desk["id"] == "voice_cloning") return desk;
    }
    return nullptr;
  }

  ServiceProcess service_;
  std::string admin_token_;
};

TEST_F(DeskMembershipApiTest, RemovalRotatesTheKeyAndTheRemainingMemberReadsNewReports) {
  const auto stays = CreateReviewer("stays-on-desk");
  const auto leaves = CreateReviewer("leaves-desk");
  const std::string stays_token = Login(stays);
  const std::string leaves_token = Login(leaves);
  EXPECT_EQ(VoiceDesk()["key_version"], 1);

  const auto removed = Call("DELETE", "/api/v1/desks/voice_cloning/members/" + leaves["id"].get<std::string>(),
                            admin_token_);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(nlohmann::json::parse(removed.body)["key_version"], 2);
  EXPECT_EQ(Call("GET", "/api/v1/reports", leaves_token).status, 401) << "the removed member is signed out";

  HttpClient client(service_.port());
  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const auto report = BuildReport(questionnaire, "AFTERROTATION");
  ASSERT_EQ(client.PostJson("/api/v1/reports", report.dump()).status, 201);
  const auto listed = Call("GET", "/api/v1/reports", stays_token);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const std::string id = nlohmann::json::parse(listed.body)["reports"][0]["id"];
  const auto opened = Call("GET", "/api/v1/reports/" + id, stays_token);
  ASSERT_EQ(opened.status, 200) << "sealed to key version 2, opened in a session from version 1: " << opened.body;
  EXPECT_EQ(nlohmann::json::parse(opened.body)["answers"]["narrative"], report["answers"]["narrative"]);

  const auto desk = VoiceDesk();
  EXPECT_EQ(desk["key_version"], 2);
  std::vector<std::string> members;
  for (const auto& member : desk["members"]) members.push_back(member["username"]);
  EXPECT_EQ(std::count(members.begin(), members.end(), "leaves-desk"), 0);
  EXPECT_EQ(std::count(members.begin(), members.end(), "stays-on-desk"), 1);

  const auto added = Call("POST", "/api/v1/desks/voice_cloning/members", admin_token_,
                          nlohmann::json{{"user_id", leaves["id"]}}.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  members.clear();
  const auto desk_after = VoiceDesk();
  for (const auto& member : desk_after["members"]) members.push_back(member["username"]);
  EXPECT_EQ(std::count(members.begin(), members.end(), "leaves-desk"), 1);

  ASSERT_EQ(service_.Stop(), 0);
  const CommandResult audit = RunPillarbox({"audit", "verify", "--data", service_.data_dir(), "--json"});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST_F(DeskMembershipApiTest, RefusalsNameTheProblemAndChangeNothing) {
  const auto reviewer = CreateReviewer("desk-reviewer");
  const std::string reviewer_token = Login(reviewer);
  const std::string path = "/api/v1/desks/voice_cloning/members";
  const auto no_user = Call("POST", path, admin_token_, R"({"user":"x"})");
  EXPECT_EQ(no_user.status, 400);
  EXPECT_EQ(nlohmann::json::parse(no_user.body)["error"]["field"], "user_id");
  EXPECT_EQ(Call("POST", path, admin_token_, nlohmann::json{{"user_id", reviewer["id"]}}.dump()).status, 409);
  EXPECT_EQ(Call("POST", "/api/v1/desks/nope/members", admin_token_, nlohmann::json{{"user_id", reviewer["id"]}}.dump())
                .status,
            404);
  EXPECT_EQ(Call("DELETE", path + "/" + reviewer["id"].get<std::string>(), reviewer_token).status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/desks", reviewer_token).status, 403);
  EXPECT_EQ(VoiceDesk()["key_version"], 1) << "no refused call rotated the key";
}

}  // namespace
}  // namespace pillarbox::testing
