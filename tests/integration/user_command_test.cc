// `pillarbox user add` while the service runs: the admin signs in on stdin,
// the new reviewer can log in over HTTP and open a report of their desk (so
// the desk key was sealed to them correctly); wrong admin credentials create
// nothing; the audit log still verifies.
#include <gtest/gtest.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "privacy/totp.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

std::string Code(const nlohmann::json& credentials) {
  return *privacy::TotpCode(credentials["totp_secret"].get<std::string>(), std::time(nullptr));
}

TEST(UserCommandTest, AnAdminCreatesAReviewerWhoCanReadTheirDesk) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start()) << service.ServerLog();
  const auto admin = nlohmann::json::parse(service.init_output())["admin"];
  const std::vector<std::string> add = {"user",       "add",      "--data",   service.data_dir(), "--as",
                                        "admin",      "--username", "rev-cli", "--role",           "reviewer",
                                        "--desk",     "voice_cloning", "--json"};

  const CommandResult refused = RunPillarbox(add, "not-the-password\n" + Code(admin) + "\n");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("invalid username, password or code"), std::string::npos) << refused.err;

  const CommandResult created = RunPillarbox(add, admin["password"].get<std::string>() + "\n" + Code(admin) + "\n");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const auto reviewer = nlohmann::json::parse(created.out);
  EXPECT_EQ(reviewer["role"], "reviewer");
  EXPECT_NE(reviewer["totp_uri"].get<std::string>().find("otpauth://totp/Pillarbox:rev-cli?"), std::string::npos);

  HttpClient client(service.port());
  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const auto report = BuildReport(questionnaire, "CLIREADER");
  ASSERT_EQ(client.PostJson("/api/v1/reports", report.dump()).status, 201);
  const auto login = client.PostJson(
      "/api/v1/auth/login",
      nlohmann::json{{"username", "rev-cli"}, {"password", reviewer["password"]}, {"totp", Code(reviewer)}}.dump());
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string bearer = "Bearer " + nlohmann::json::parse(login.body)["token"].get<std::string>();
  const auto list = client.Request("GET", "/api/v1/reports", std::nullopt, "", {{"Authorization", bearer}});
  ASSERT_EQ(list.status, 200);
  const std::string id = nlohmann::json::parse(list.body)["reports"][0]["id"];
  const auto opened = client.Request("GET", "/api/v1/reports/" + id, std::nullopt, "", {{"Authorization", bearer}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(nlohmann::json::parse(opened.body)["answers"]["narrative"], report["answers"]["narrative"]);

  ASSERT_EQ(service.Stop(), 0);
  const CommandResult audit = RunPillarbox({"audit", "verify", "--data", service.data_dir()});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

}  // namespace
}  // namespace pillarbox::testing
