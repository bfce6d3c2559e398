// `pillarbox init --demo`: example actions and generated reports, marked
// demo=1 in the database and "demo": true in the API, sealed like real
// reports (no demo text in clear in the database files), readable by a
// reviewer of the right desk.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "privacy/totp.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

int64_t SqlCount(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    value = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

class DemoDataTest : public ::testing::Test {
 protected:
  std::string Login(const json& credentials) {
    return SignInStaff(service_.port(), credentials);
  }

  json Get(const std::string& path, const std::string& token, int status = 200) {
    HttpClient client(service_.port());
    const auto response = client.Request("GET", path, std::nullopt, "", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(response.status, status) << path << ": " << response.body;
    return json::parse(response.body, nullptr, false);
  }

  ServiceProcess service_{std::vector<std::string>{"--demo"}};
};

TEST_F(DemoDataTest, InitDemoLoadsMarkedActionsAndSealedReports) {
  const json init = json::parse(service_.init_output());
  EXPECT_EQ(init["demo"]["actions"], 5);
  EXPECT_EQ(init["demo"]["reports"], 30);
  const std::string db = service_.database_path();
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM actions WHERE demo = 1"), 5);
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM actions WHERE demo = 0"), 0);
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM reports WHERE demo = 1"), 30);
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM reports WHERE demo = 0"), 0);
  EXPECT_EQ(SqlCount(db, "SELECT count(DISTINCT kind) FROM reports"), 3);
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM actions WHERE subtype IN ('union_petition', 'class_action', "
                         "'labor_board_complaint', 'public_comment', 'mutual_aid')"),
            5);
  // Sealed like real reports: fields, blind indexes, wrapped keys; no clear text.
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM report_blind_indexes WHERE field = 'organization'"), 30);
  EXPECT_EQ(SqlCount(db, "SELECT count(DISTINCT hex(digest)) FROM report_blind_indexes WHERE field = 'organization'"),
            4);
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM audit_log WHERE action = 'action.created' AND actor = 'cli'"), 5);
  EXPECT_EQ(SqlCount(db, "SELECT count(*) FROM audit_log WHERE action = 'demo.loaded'"), 1);
  const std::string files = ReadDatabaseFiles(db);
  EXPECT_EQ(files.find("Example Logistics Ltd"), std::string::npos);
  EXPECT_EQ(files.find("generated demo data"), std::string::npos);
  EXPECT_NE(files.find("Petition against algorithmic wage setting (demo)"), std::string::npos);  // actions are clear

  ASSERT_TRUE(service_.Start()) << service_.ServerLog();
  const std::string admin = Login(init["admin"]);
  // A reviewer of the workplace desk opens a demo report.
  HttpClient client(service_.port());
  const auto created = client.Request(
      "POST", "/api/v1/users",
      json{{"username", "rev-work"}, {"role", "reviewer"}, {"desks", {"workplace_ai_harm"}}}.dump(),
      "application/json", {{"Authorization", "Bearer " + admin}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string reviewer = Login(json::parse(created.body));
  const json queue = Get("/api/v1/reports?limit=100", reviewer);
  ASSERT_EQ(queue["reports"].size(), 18u);  // 12 + 6 workplace reports
  for (const auto& item : queue["reports"]) EXPECT_EQ(item["demo"], true);
  const std::string id = queue["reports"][0]["id"];
  const json report = Get("/api/v1/reports/" + id, reviewer);
  EXPECT_EQ(report["demo"], true);
  const std::string organization = report["answers"].value("organization", "");
  EXPECT_NE(organization.find("(demo)"), std::string::npos) << organization;
  EXPECT_NE(report["answers"].value("narrative", "").find("generated demo data"), std::string::npos);
  // The demo actions are in the catalogue, marked.
  const json actions = Get("/api/v1/actions", reviewer)["actions"];
  ASSERT_EQ(actions.size(), 5u);
  for (const auto& action : actions) EXPECT_EQ(action["demo"], true);
}

TEST(InitWithoutDemoTest, LoadsNoDemoData) {
  ServiceProcess service;
  EXPECT_TRUE(json::parse(service.init_output())["demo"].is_null());
  EXPECT_EQ(SqlCount(service.database_path(), "SELECT count(*) FROM actions"), 0);
  EXPECT_EQ(SqlCount(service.database_path(), "SELECT count(*) FROM reports"), 0);
}

}  // namespace
}  // namespace pillarbox::testing
