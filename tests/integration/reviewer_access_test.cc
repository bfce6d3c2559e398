// A reviewer's day one, against the real binary: log in with password and a
// TOTP code computed here, list and open a report submitted through the
// intake API, and every refusal on the way (reused code, wrong password,
// forged, missing and logged-out tokens, a report that is not there). Every
// step is in the audit log afterwards.
#include <gtest/gtest.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "privacy/totp.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

std::string Bearer(const std::string& token) { return "Bearer " + token; }

TEST(ReviewerAccessTest, LoginReadLogoutAndEveryRefusal) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start()) << service.ServerLog();
  const auto admin = nlohmann::json::parse(service.init_output())["admin"];
  HttpClient client(service.port());

  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const auto report = BuildReport(questionnaire, "READBACK");
  ASSERT_EQ(client.PostJson("/api/v1/reports", report.dump()).status, 201);

  const std::string code = *privacy::TotpCode(admin["totp_secret"].get<std::string>(), std::time(nullptr));
  nlohmann::json login = {{"username", admin["username"]}, {"password", admin["password"]}, {"totp", code}};
  const HttpResponse signed_in = client.PostJson("/api/v1/auth/login", login.dump());
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const auto session = nlohmann::json::parse(signed_in.body);
  const std::string token = session["token"];
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(session["role"], "admin");
  EXPECT_EQ(service.ServerLog().find(token), std::string::npos) << "the token is logged";

  // The same code a second time is refused, with the same answer as a wrong password.
  const HttpResponse reused = client.PostJson("/api/v1/auth/login", login.dump());
  EXPECT_EQ(reused.status, 401);
  login["password"] = "not-the-password-at-all";
  const HttpResponse wrong = client.PostJson("/api/v1/auth/login", login.dump());
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body, reused.body);
  login["username"] = "nobody-here";
  EXPECT_EQ(client.PostJson("/api/v1/auth/login", login.dump()).body, reused.body);

  const HttpResponse list = client.Request("GET", "/api/v1/reports?limit=10", std::nullopt, "",
                                           {{"Authorization", Bearer(token)}});
  ASSERT_EQ(list.status, 200) << list.body;
  const auto reports = nlohmann::json::parse(list.body)["reports"];
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0]["kind"], "voice_cloning");
  EXPECT_EQ(reports[0]["status"], "new");
  EXPECT_FALSE(reports[0].contains("answers")) << "listing needs no decryption";

  const std::string id = reports[0]["id"];
  const HttpResponse opened = client.Request("GET", "/api/v1/reports/" + id, std::nullopt, "",
                                             {{"Authorization", Bearer(token)}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  const auto body = nlohmann::json::parse(opened.body);
  EXPECT_EQ(body["answers"]["narrative"], report["answers"]["narrative"]);
  EXPECT_EQ(body["answers"]["organization"], report["answers"]["organization"]);

  const HttpResponse missing = client.Request("GET", "/api/v1/reports/" + std::string(32, 'a'), std::nullopt, "",
                                              {{"Authorization", Bearer(token)}});
  EXPECT_EQ(missing.status, 404);

  std::string forged = token;
  forged[10] = forged[10] == '0' ? '1' : '0';
  for (const std::string& header : {Bearer(forged), std::string("Basic abc"), std::string()}) {
    std::map<std::string, std::string> headers;
    if (!header.empty()) headers["Authorization"] = header;
    EXPECT_EQ(client.Request("GET", "/api/v1/reports", std::nullopt, "", headers).status, 401) << header;
  }

  EXPECT_EQ(client.Request("POST", "/api/v1/auth/logout", std::string(), "", {{"Authorization", Bearer(token)}})
                .status,
            204);
  EXPECT_EQ(client.Request("GET", "/api/v1/reports", std::nullopt, "", {{"Authorization", Bearer(token)}}).status,
            401);

  ASSERT_EQ(service.Stop(), 0);
  const CommandResult audit = RunPillarbox({"audit", "verify", "--data", service.data_dir(), "--json"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_GE(nlohmann::json::parse(audit.out)["entries"].get<int>(), 8 + 1 + 3 + 1 + 1);
}

}  // namespace
}  // namespace pillarbox::testing
