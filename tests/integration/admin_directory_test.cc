// The admins' account list and on-demand audit verification over HTTP against
// the real binary: GET /api/v1/users lists every account with its clear
// columns only (desks, organization, disabled); GET /api/v1/audit/verification
// reports an intact chain after real actions, is itself audited, and names the
// entry edited with the database alone while the service was stopped.
#include <gtest/gtest.h>

#include <ctime>
#include <set>

#include <nlohmann/json.hpp>

#include "privacy/bytes.h"
#include "privacy/totp.h"
#include "store/database.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

class AdminDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start()) << service_.ServerLog();
    admin_ = nlohmann::json::parse(service_.init_output())["admin"];
    admin_token_ = SignIn(admin_, 0);
  }

  // Signs in with the TOTP code of the step `steps_ahead` steps from now (the
  // server accepts now-1..now+1, each step once per user).
  std::string SignIn(const nlohmann::json& credentials, int steps_ahead) {
    HttpClient client(service_.port());
    const std::string code =
        *privacy::TotpCode(credentials["totp_secret"].get<std::string>(), std::time(nullptr) + 30 * steps_ahead);
    const auto response = client.PostJson(
        "/api/v1/auth/login",
        nlohmann::json{{"username", credentials["username"]}, {"password", credentials["password"]}, {"totp", code}}
            .dump());
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("token", "");
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& token,
                    const std::optional<std::string>& body = std::nullopt) {
    HttpClient client(service_.port());
    return client.Request(method, path, body, body ? "application/json" : "", {{"Authorization", "Bearer " + token}});
  }

  nlohmann::json Created(const HttpResponse& response) {
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false);
  }

  nlohmann::json Users() {
    const auto response = Call("GET", "/api/v1/users", admin_token_);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false)["users"];
  }

  nlohmann::json Verification() {
    const auto response = Call("GET", "/api/v1/audit/verification", admin_token_);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false);
  }

  nlohmann::json AuditEntries() {
    const auto response = Call("GET", "/api/v1/audit?after=0&limit=1000", admin_token_);
    EXPECT_EQ(response.status, 200) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false)["entries"];
  }

  ServiceProcess service_;
  nlohmann::json admin_;
  std::string admin_token_;
};

nlohmann::json Named(const nlohmann::json& users, const std::string& username) {
  for (const auto& user : users) {
    if (user["username"] == username) return user;
  }
  ADD_FAILURE() << username << " is not listed";
  return nlohmann::json::object();
}

TEST_F(AdminDirectoryTest, UsersListsEveryAccountWithItsDesksAndOrganizationAndNoSecrets) {
  const auto reviewer = Created(Call("POST", "/api/v1/users", admin_token_,
                                     R"({"username":"rita","role":"reviewer","desks":["voice_cloning"]})"));
  const auto organization = Created(Call(
      "POST", "/api/v1/organizations", admin_token_,
      nlohmann::json{{"name", "Partner A"}, {"public_key", privacy::ToHex(privacy::BoxKeyPair::Generate().public_key.bytes)}}
          .dump()));
  const auto partner = Created(Call(
      "POST", "/api/v1/users", admin_token_,
      nlohmann::json{{"username", "pat"}, {"role", "partner"}, {"organization_id", organization["id"]}}.dump()));
  ASSERT_EQ(Call("POST", "/api/v1/users/" + reviewer["id"].get<std::string>() + "/disable", admin_token_, "{}").status,
            200);

  const auto users = Users();
  ASSERT_EQ(users.size(), 3u) << users.dump();
  std::vector<std::string> names;
  for (const auto& user : users) {
    names.push_back(user["username"]);
    std::set<std::string> keys;
    for (const auto& [key, value] : user.items()) keys.insert(key);
    EXPECT_EQ(keys, (std::set<std::string>{"id", "username", "role", "disabled", "created_day", "organization_id",
                                           "desks"}))
        << user.dump();
    EXPECT_EQ(user["created_day"].get<std::string>().size(), 10u);
  }
  EXPECT_EQ(names, (std::vector<std::string>{admin_["username"], "pat", "rita"}));

  const auto admin = Named(users, admin_["username"]);
  EXPECT_EQ(admin["role"], "admin");
  EXPECT_EQ(admin["disabled"], false);
  EXPECT_EQ(admin["desks"].size(), 3u) << admin.dump();  // init makes the admin a member of every desk

  const auto rita = Named(users, "rita");
  EXPECT_EQ(rita["id"], reviewer["id"]);
  EXPECT_EQ(rita["role"], "reviewer");
  EXPECT_EQ(rita["disabled"], true);
  EXPECT_EQ(rita["desks"], nlohmann::json({"voice_cloning"}));
  EXPECT_EQ(rita["organization_id"], "");

  const auto pat = Named(users, "pat");
  EXPECT_EQ(pat["id"], partner["id"]);
  EXPECT_EQ(pat["organization_id"], organization["id"]);
  EXPECT_EQ(pat["desks"], nlohmann::json::array());

  // Nothing secret anywhere in the answer.
  const std::string body = Call("GET", "/api/v1/users", admin_token_).body;
  for (const std::string& secret : {reviewer["password"].get<std::string>(), reviewer["totp_secret"].get<std::string>(),
                                   reviewer["recovery_code"].get<std::string>()}) {
    EXPECT_EQ(body.find(secret), std::string::npos);
  }

  const std::string partner_token = SignIn(partner, 0);
  EXPECT_EQ(Call("GET", "/api/v1/users", partner_token).status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/users", "not-a-token").status, 401);
}

TEST_F(AdminDirectoryTest, VerificationIsIntactAfterActionsIsAuditedAndNamesAnEditedEntry) {
  Created(Call("POST", "/api/v1/users", admin_token_,
               R"({"username":"rita","role":"reviewer","desks":["voice_cloning"]})"));
  ASSERT_EQ(Call("PUT", "/api/v1/settings/deadlines", admin_token_, R"({"acknowledge_days":5,"feedback_days":60})")
                .status,
            200);

  const auto before = AuditEntries();  // itself audited (audit.viewed) after the read
  const auto first = Verification();
  EXPECT_EQ(first["ok"], true) << first.dump();
  EXPECT_EQ(first["first_bad_seq"], 0);
  EXPECT_EQ(first["problem"], "");
  // Every entry so far: those listed, and the listing's own audit.viewed.
  EXPECT_EQ(first["entries"].get<int64_t>(), before.back()["seq"].get<int64_t>() + 1) << first.dump();

  const auto after = AuditEntries();
  const auto& verified = after.back();  // this listing's own audit.viewed comes after its read
  EXPECT_EQ(verified["action"], "audit.verified");
  EXPECT_EQ(verified["actor"], nlohmann::json::parse(Call("GET", "/api/v1/auth/session", admin_token_).body)["user_id"]);
  EXPECT_EQ(verified["detail"], "ok=1;entries=" + std::to_string(first["entries"].get<int64_t>()) + ";first_bad_seq=0");
  EXPECT_EQ(verified["seq"].get<int64_t>(), first["entries"].get<int64_t>() + 1);

  // Someone with the database alone edits an entry while the service is down.
  const int64_t edited = 3;
  ASSERT_EQ(service_.Stop(), 0) << service_.ServerLog();
  {
    auto db = store::Database::Open(service_.database_path(), store::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->Execute("UPDATE audit_log SET detail = 'role=admin' WHERE seq = 3").ok());
  }
  ASSERT_TRUE(service_.Start()) << service_.ServerLog();
  admin_token_ = SignIn(admin_, 1);

  const auto broken = Verification();
  EXPECT_EQ(broken["ok"], false) << broken.dump();
  EXPECT_EQ(broken["first_bad_seq"].get<int64_t>(), edited) << broken.dump();
  EXPECT_EQ(broken["entries"].get<int64_t>(), edited - 1);
  EXPECT_FALSE(broken["problem"].get<std::string>().empty());
  const auto now = AuditEntries();
  EXPECT_EQ(now.back()["action"], "audit.verified");
  EXPECT_EQ(now.back()["detail"], "ok=0;entries=2;first_bad_seq=3");
}

}  // namespace
}  // namespace pillarbox::testing
