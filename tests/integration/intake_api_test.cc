// The public intake API against the real binary: catalog documents, a
// submission of every kind, and the security headers on every response.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

class IntakeApiTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(service_.Start()) << service_.ServerLog(); }

  nlohmann::json Questionnaire(const std::string& kind) {
    HttpClient client(service_.port());
    return nlohmann::json::parse(client.Get("/api/v1/questionnaires/" + kind).body);
  }

  ServiceProcess service_;
};

void ExpectSecurityHeaders(const HttpResponse& response) {
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.Header("cache-control"), "no-store");
  EXPECT_EQ(response.Header("cross-origin-opener-policy"), "same-origin");
  const std::string csp = response.Header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << csp;
}

TEST_F(IntakeApiTest, HealthzAnswersOk) {
  HttpClient client(service_.port());
  const HttpResponse response = client.Get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body), nlohmann::json({{"status", "ok"}}));
  ExpectSecurityHeaders(response);
}

TEST_F(IntakeApiTest, TaxonomyListsKindsAndTheNinePillars) {
  HttpClient client(service_.port());
  const HttpResponse response = client.Get("/api/v1/taxonomy");
  ASSERT_EQ(response.status, 200);
  const auto taxonomy = nlohmann::json::parse(response.body);
  EXPECT_EQ(taxonomy["pillars"].size(), 9u);
  EXPECT_EQ(taxonomy["kinds"].size(), 3u);
  EXPECT_EQ(taxonomy["regions"].size(), 6u);
  EXPECT_EQ(taxonomy["ways_to_act"].size(), 5u);
  ExpectSecurityHeaders(response);
}

TEST_F(IntakeApiTest, EachKindHasAQuestionnaireAndUnknownKindIs404) {
  for (const std::string kind : {"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"}) {
    const auto questionnaire = Questionnaire(kind);
    EXPECT_EQ(questionnaire["kind"], kind);
    EXPECT_GE(questionnaire["fields"].size(), 8u);
  }
  HttpClient client(service_.port());
  const HttpResponse missing = client.Get("/api/v1/questionnaires/no_such_kind");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["field"], "kind");
  ExpectSecurityHeaders(missing);
}

TEST_F(IntakeApiTest, SubmittingEachKindGivesAReceiptThatOpensTheReport) {
  const std::regex receipt_format("^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$");
  HttpClient client(service_.port());
  for (const std::string kind : {"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"}) {
    const auto body = BuildReport(Questionnaire(kind), "roundtrip-" + kind);
    const HttpResponse response = client.PostJson("/api/v1/reports", body.dump());
    ASSERT_EQ(response.status, 201) << response.body;
    ExpectSecurityHeaders(response);
    const std::string receipt = nlohmann::json::parse(response.body)["receipt"];
    EXPECT_TRUE(std::regex_match(receipt, receipt_format)) << receipt;

    auto answers = OpenReportWithReceipt(service_.data_dir(), receipt);
    ASSERT_TRUE(answers.ok()) << answers.status().ToString();
    EXPECT_EQ((*answers)["narrative"], body["answers"]["narrative"]);
    EXPECT_EQ((*answers)["organization"], body["answers"]["organization"]);
  }
  EXPECT_EQ(CountRows(service_.database_path(), "reports"), 3);
}

TEST_F(IntakeApiTest, ClearColumnsHoldOnlyEnumerationsAndTheDay) {
  HttpClient client(service_.port());
  const auto body = BuildReport(Questionnaire("workplace_ai_harm"), "clear");
  ASSERT_EQ(client.PostJson("/api/v1/reports", body.dump()).status, 201);
  EXPECT_EQ(CountRows(service_.database_path(), "reports WHERE region = '" +
                                                    body["answers"]["region"].get<std::string>() + "'"),
            1);
  EXPECT_EQ(CountRows(service_.database_path(), "reports WHERE received_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"),
            1);
  EXPECT_EQ(CountRows(service_.database_path(), "report_clear_answers WHERE field = 'harm_types'"), 2);
}

TEST_F(IntakeApiTest, UnknownPathAndUnknownMethodCarryHeaders) {
  HttpClient client(service_.port());
  const HttpResponse not_found = client.Get("/nothing/here");
  EXPECT_EQ(not_found.status, 404);
  ExpectSecurityHeaders(not_found);
  const HttpResponse options = client.Request("OPTIONS", "/api/v1/reports");
  EXPECT_EQ(options.status, 405);
  ExpectSecurityHeaders(options);
  // DELETE is a method the API uses elsewhere; Pistache's router answers this
  // 405 itself, without our headers (like its 413 and 408: the reverse proxy
  // adds them in deployment).
  const HttpResponse deleted = client.Request("DELETE", "/api/v1/reports");
  EXPECT_EQ(deleted.status, 405);
}

TEST_F(IntakeApiTest, GracefulStopExitsZero) { EXPECT_EQ(service_.Stop(), 0); }

}  // namespace
}  // namespace pillarbox::testing
