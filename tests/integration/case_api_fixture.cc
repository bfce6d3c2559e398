#include "case_api_fixture.h"

#include <sqlite3.h>

#include <ctime>

#include "instance_inspector.h"
#include "privacy/bytes.h"
#include "privacy/totp.h"
#include "report_payloads.h"
#include "staff_login.h"

namespace pillarbox::testing {

void CaseApiTest::SetUp() {
  ASSERT_TRUE(service_.Start(serve_arguments_)) << service_.ServerLog();
  tokens_["admin"] = Login(nlohmann::json::parse(service_.init_output())["admin"]);
  tokens_["voice"] = Login(CreateUser("rev-voice", "reviewer", {"voice_cloning"}));
  tokens_["voice2"] = Login(CreateUser("rev-voice-two", "reviewer", {"voice_cloning"}));
  tokens_["work"] = Login(CreateUser("rev-work", "reviewer", {"workplace_ai_harm"}));
  tokens_["partner"] = Login(CreateUser("union-partner", "partner", {}));
  tokens_["researcher"] = Login(CreateUser("researcher", "researcher", {}));
}

std::string CaseApiTest::Login(const nlohmann::json& credentials) {
  return SignInStaff(service_.port(), credentials);
}

nlohmann::json CaseApiTest::CreateUser(const std::string& name, const std::string& role,
                                       const std::vector<std::string>& desks) {
  const auto response = Call("POST", "/api/v1/users", "admin",
                             nlohmann::json{{"username", name}, {"role", role}, {"desks", desks}}.dump());
  EXPECT_EQ(response.status, 201) << response.body;
  return nlohmann::json::parse(response.body);
}

HttpResponse CaseApiTest::Call(const std::string& method, const std::string& path, const std::string& role,
                               const std::optional<std::string>& body, const std::string& content_type) {
  HttpClient client(service_.port());
  std::map<std::string, std::string> headers;
  if (tokens_.count(role) != 0) headers["Authorization"] = "Bearer " + tokens_[role];
  return client.Request(method, path, body, body ? content_type : "", headers);
}

nlohmann::json CaseApiTest::Expect(int status, const std::string& method, const std::string& path,
                                   const std::string& role, const std::optional<nlohmann::json>& body) {
  const HttpResponse response =
      Call(method, path, role, body.has_value() ? std::optional<std::string>(body->dump()) : std::nullopt);
  EXPECT_EQ(response.status, status) << method << " " << path << " as " << role << ": " << response.body;
  return nlohmann::json::parse(response.body, nullptr, false);
}

std::string CaseApiTest::SubmitReport(const std::string& kind, const std::string& canary) {
  HttpClient client(service_.port());
  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/" + kind).body);
  const auto before = Expect(200, "GET", "/api/v1/reports?limit=100", "admin");
  EXPECT_EQ(client.PostJson("/api/v1/reports", BuildReport(questionnaire, canary).dump()).status, 201);
  const auto after = Expect(200, "GET", "/api/v1/reports?limit=100", "admin");
  for (const auto& report : after["reports"]) {
    bool seen = false;
    for (const auto& old : before["reports"]) seen = seen || old["id"] == report["id"];
    if (!seen) return report["id"];
  }
  ADD_FAILURE() << "the new report is not listed";
  return "";
}

std::string CaseApiTest::InsertTag(const std::string& name) {
  const std::string id = privacy::ToHex(privacy::RandomBytes(16));
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(service_.database_path().c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const std::string sql = "INSERT INTO tags (id, name) VALUES ('" + id + "', '" + name + "')";
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  return id;
}

std::string CaseApiTest::CreateCase(const std::string& role, const std::string& desk, const std::string& title,
                                    const std::string& summary) {
  const auto created = Expect(201, "POST", "/api/v1/cases", role,
                              nlohmann::json{{"desk", desk}, {"title", title}, {"summary", summary}});
  return created.value("id", "");
}

int64_t CaseApiTest::Rows(const std::string& table) { return CountRows(service_.database_path(), table); }

}  // namespace pillarbox::testing
