// The server-rendered reporter pages against the real binary: every page's
// headers and content, a report sent through the HTML form, and the form
// token and validation refusals (nothing stored).
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_form.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

constexpr char kPageCsp[] =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";
const std::vector<std::string> kKinds = {"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"};

// `text` as mstch escapes it in a page.
std::string HtmlEscaped(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      case '/': escaped += "&#x2F;"; break;
      default: escaped.push_back(c);
    }
  }
  return escaped;
}

void ExpectPageHeaders(const HttpResponse& response, const std::string& type = "text/html; charset=utf-8") {
  EXPECT_EQ(response.Header("content-security-policy"), kPageCsp);
  EXPECT_EQ(response.Header("content-type"), type);
  EXPECT_EQ(response.Header("cache-control"), "no-store");
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(response.Header("x-frame-options"), "DENY");
}

void ExpectSelfContained(const std::string& path, const std::string& body) {
  EXPECT_EQ(body.find("<script"), std::string::npos) << path;
  EXPECT_EQ(body.find("<SCRIPT"), std::string::npos) << path;
  EXPECT_FALSE(std::regex_search(body, std::regex(R"((https?:)?//[a-zA-Z0-9])"))) << path << " links another origin";
  EXPECT_FALSE(std::regex_search(body, std::regex(R"(\son[a-z]+=)"))) << path << " has an event handler";
}

class ReporterPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(service_.Start({"--form-min-seconds", "0"})) << service_.ServerLog(); }

  nlohmann::json Answers(const std::string& kind, const std::string& canary) {
    HttpClient client(service_.port());
    const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/" + kind).body);
    return BuildReport(questionnaire, canary)["answers"];
  }

  HttpResponse PostForm(const std::string& path, const std::string& body) {
    HttpClient client(service_.port());
    return client.Request("POST", path, body, kFormType);
  }

  std::string FreshToken(const std::string& kind) {
    HttpClient client(service_.port());
    return TokenIn(client.Get("/report/" + kind).body);
  }

  int64_t Reports() { return CountRows(service_.database_path(), "reports"); }

  ServiceProcess service_;
};

TEST_F(ReporterPagesTest, EveryPageIsSelfContainedHtmlWithThePageCsp) {
  HttpClient client(service_.port());
  std::vector<std::string> paths = {"/"};
  for (const std::string& kind : kKinds) paths.push_back("/report/" + kind);
  for (const std::string& path : paths) {
    const HttpResponse response = client.Get(path);
    EXPECT_EQ(response.status, 200) << path;
    ExpectPageHeaders(response);
    ExpectSelfContained(path, response.body);
    EXPECT_NE(response.body.find("<link rel=\"stylesheet\" href=\"/static/reporter.css\">"), std::string::npos);
  }
  const HttpResponse home = client.Get("/");
  for (const std::string& kind : kKinds) EXPECT_NE(home.body.find("href=\"/report/" + kind + "\""), std::string::npos);
  EXPECT_NE(home.body.find("href=\"/followup\""), std::string::npos);

  const HttpResponse missing = client.Get("/report/no_such_kind");
  EXPECT_EQ(missing.status, 404);
  ExpectPageHeaders(missing);
  ExpectSelfContained("/report/no_such_kind", missing.body);

  const HttpResponse css = client.Get("/static/reporter.css");
  EXPECT_EQ(css.status, 200);
  ExpectPageHeaders(css, "text/css; charset=utf-8");
  EXPECT_NE(css.body.find("max-width"), std::string::npos);
}

TEST_F(ReporterPagesTest, EachKindSubmittedThroughTheFormGivesAReceiptThatOpensTheReport) {
  for (const std::string& kind : kKinds) {
    const auto answers = Answers(kind, "form-" + kind);
    const HttpResponse response = PostForm("/report/" + kind, FormBody(answers, FreshToken(kind)));
    ASSERT_EQ(response.status, 200) << response.body;
    ExpectPageHeaders(response);
    ExpectSelfContained("POST /report/" + kind, response.body);
    const std::string receipt = ReceiptInPage(response.body);
    ASSERT_FALSE(receipt.empty()) << response.body;
    const auto opened = OpenReportWithReceipt(service_.data_dir(), receipt);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    EXPECT_EQ(opened->at("summary"), answers["summary"].get<std::string>());
    EXPECT_EQ(opened->at("narrative"), answers["narrative"].get<std::string>());
  }
  EXPECT_EQ(Reports(), 3);
}

TEST_F(ReporterPagesTest, AReusedOrUnknownTokenStoresNothingAndGivesAFreshToken) {
  const std::string kind = "voice_cloning";
  const auto answers = Answers(kind, "reuse");
  const std::string token = FreshToken(kind);
  ASSERT_EQ(PostForm("/report/" + kind, FormBody(answers, token)).status, 200);
  for (const std::string& bad : {token, std::string(32, '0'), std::string("")}) {
    const HttpResponse again = PostForm("/report/" + kind, FormBody(answers, bad));
    EXPECT_EQ(again.status, 400);
    ExpectPageHeaders(again);
    EXPECT_NE(again.body.find("id=\"form-error\""), std::string::npos);
    const std::string fresh = TokenIn(again.body);
    EXPECT_EQ(fresh.size(), 32u);
    EXPECT_NE(fresh, token);
    // The reporter's answers are kept.
    EXPECT_NE(again.body.find(HtmlEscaped(answers["summary"].get<std::string>())), std::string::npos);
  }
  EXPECT_EQ(Reports(), 1);
}

TEST_F(ReporterPagesTest, ATokenForAnotherKindIsRefused) {
  const auto answers = Answers("voice_cloning", "cross");
  const HttpResponse response = PostForm("/report/voice_cloning", FormBody(answers, FreshToken("workplace_ai_harm")));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(Reports(), 0);
}

TEST_F(ReporterPagesTest, MissingAnswersAreShownNextToTheirFieldsWithTheAnswersKept) {
  const std::string kind = "workplace_ai_harm";
  auto answers = Answers(kind, "missing");
  answers.erase("summary");
  answers.erase("region");
  answers["narrative"] = "kept <b>as typed</b>";
  const HttpResponse response = PostForm("/report/" + kind, FormBody(answers, FreshToken(kind)));
  EXPECT_EQ(response.status, 400);
  ExpectSelfContained("missing", response.body);
  EXPECT_NE(response.body.find("id=\"error-summary\""), std::string::npos);
  EXPECT_NE(response.body.find("<a href=\"#field-summary\">"), std::string::npos);
  EXPECT_NE(response.body.find("<a href=\"#field-region-"), std::string::npos);
  EXPECT_NE(response.body.find("id=\"field-summary-error\""), std::string::npos);
  EXPECT_NE(response.body.find("kept &lt;b&gt;as typed&lt;&#x2F;b&gt;</textarea>"), std::string::npos);
  EXPECT_EQ(Reports(), 0);
}

TEST_F(ReporterPagesTest, AValidatorErrorIsShownNextToItsField) {
  const std::string kind = "algorithmic_injustice";
  auto answers = Answers(kind, "toolong");
  answers["summary"] = std::string(5000, 'x');
  const HttpResponse response = PostForm("/report/" + kind, FormBody(answers, FreshToken(kind)));
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("id=\"field-summary-error\""), std::string::npos);
  EXPECT_NE(response.body.find("Please shorten this answer to at most 200 characters."), std::string::npos);
  EXPECT_EQ(Reports(), 0);
}

TEST_F(ReporterPagesTest, MalformedBodiesAreRefusedAndStoreNothing) {
  const std::string kind = "voice_cloning";
  const auto answers = Answers(kind, "malformed");
  const std::string good = FormBody(answers, FreshToken(kind));
  for (const std::string& body : {good + "&summary=%ZZ", good + "&narrative=%FF%FE", good + "&=x"}) {
    const HttpResponse response = PostForm("/report/" + kind, body);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_NE(response.body.find("id=\"form-error\""), std::string::npos);
  }
  HttpClient client(service_.port());
  const HttpResponse json = client.Request("POST", "/report/" + kind, FormBody(answers, FreshToken(kind)));
  EXPECT_EQ(json.status, 400);  // application/json is not a form
  const HttpResponse repeated = PostForm("/report/" + kind, FormBody(answers, FreshToken(kind)) + "&summary=again");
  EXPECT_EQ(repeated.status, 400);
  const HttpResponse unknown = PostForm("/report/nope", FormBody(answers, FreshToken(kind)));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Reports(), 0);
}

// The receipt from a form submission, or "" after a test failure.
std::string ReceiptIn(const HttpResponse& response) {
  const std::string receipt = ReceiptInPage(response.body);
  EXPECT_FALSE(receipt.empty()) << response.body;
  return receipt;
}

TEST_F(ReporterPagesTest, TheFormsReceiptSignsInThroughTheApiAndThePages) {
  const std::string kind = "voice_cloning";
  const HttpResponse submitted = PostForm("/report/" + kind, FormBody(Answers(kind, "followup"), FreshToken(kind)));
  ASSERT_EQ(submitted.status, 200);
  const std::string receipt = ReceiptIn(submitted);
  HttpClient client(service_.port());
  const HttpResponse api = client.PostJson("/api/v1/reporter/session", nlohmann::json{{"receipt", receipt}}.dump());
  EXPECT_EQ(api.status, 201) << api.body;

  // The sign-in page and a wrong receipt: one generic error, no cookie.
  const HttpResponse form = client.Get("/followup");
  EXPECT_EQ(form.status, 200);
  ExpectPageHeaders(form);
  ExpectSelfContained("/followup", form.body);
  const HttpResponse wrong = PostForm("/followup", "receipt=AAAA-BBBB-CCCC-DDDD-EEEE-FFFF");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("id=\"form-error\""), std::string::npos);
  EXPECT_EQ(wrong.Header("set-cookie"), "");

  // The right one (typed in lower case): a cookie and a redirect to the report.
  std::string typed = receipt;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const HttpResponse signed_in = PostForm("/followup", "receipt=" + FormEncode(typed));
  ASSERT_EQ(signed_in.status, 303) << signed_in.body;
  EXPECT_EQ(signed_in.Header("location"), "/followup/report");
  const std::string cookie = signed_in.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Secure"), std::string::npos) << cookie;
  const std::string pair = cookie.substr(0, cookie.find(';'));
  ASSERT_EQ(pair.rfind("pillarbox_reporter=", 0), 0u) << cookie;

  const HttpResponse report = client.Request("GET", "/followup/report", std::nullopt, "", {{"Cookie", pair}});
  EXPECT_EQ(report.status, 200);
  ExpectPageHeaders(report);
  ExpectSelfContained("/followup/report", report.body);
  EXPECT_NE(report.body.find("id=\"report-status\""), std::string::npos);
  EXPECT_NE(report.body.find(HtmlEscaped(Answers(kind, "followup")["summary"].get<std::string>())), std::string::npos);

  // A reply through the form reaches the conversation.
  const std::string token = TokenIn(report.body);
  const HttpResponse replied = client.Request("POST", "/followup/messages",
                                              "form_token=" + token + "&body=" + FormEncode("An answer <3"), kFormType,
                                              {{"Cookie", pair}});
  EXPECT_EQ(replied.status, 303) << replied.body;
  const HttpResponse again = client.Request("GET", "/followup/report?sent=1", std::nullopt, "", {{"Cookie", pair}});
  EXPECT_NE(again.body.find("An answer &lt;3"), std::string::npos);
  // The same token again is refused and nothing more is stored.
  const HttpResponse replayed = client.Request("POST", "/followup/messages",
                                               "form_token=" + token + "&body=twice", kFormType, {{"Cookie", pair}});
  EXPECT_EQ(replayed.status, 400);
  EXPECT_EQ(CountRows(service_.database_path(), "report_messages"), 1);

  // Without the cookie: sign in again.
  EXPECT_EQ(client.Get("/followup/report").status, 401);
  EXPECT_EQ(client.Request("POST", "/followup/messages", "body=x", kFormType).status, 401);

  // Deletion: a confirmation page first, then the report goes and the receipt stops working.
  const HttpResponse asked = client.Request("POST", "/followup/delete", "form_token=" + TokenIn(again.body), kFormType,
                                            {{"Cookie", pair}});
  ASSERT_EQ(asked.status, 200);
  EXPECT_NE(asked.body.find("name=\"confirm\" value=\"yes\""), std::string::npos);
  EXPECT_EQ(Reports(), 1);
  const HttpResponse deleted = client.Request("POST", "/followup/delete",
                                              "confirm=yes&form_token=" + TokenIn(asked.body), kFormType,
                                              {{"Cookie", pair}});
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(Reports(), 0);
  EXPECT_EQ(PostForm("/followup", "receipt=" + FormEncode(receipt)).status, 401);
}

TEST(ReporterPagesQuota, PastTheQuotaTheFormComesBackWith503AndRetryAfter) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--form-min-seconds", "0", "--submissions-per-minute", "1", "--submission-burst", "1"}))
      << service.ServerLog();
  HttpClient client(service.port());
  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const auto answers = BuildReport(questionnaire, "quota")["answers"];
  const auto post = [&] {
    const std::string token = TokenIn(client.Get("/report/voice_cloning").body);
    return client.Request("POST", "/report/voice_cloning", FormBody(answers, token), kFormType);
  };
  EXPECT_EQ(post().status, 200);
  const HttpResponse refused = post();
  EXPECT_EQ(refused.status, 503);
  EXPECT_GE(std::stoi(refused.Header("retry-after").empty() ? "0" : refused.Header("retry-after")), 1);
  EXPECT_EQ(refused.Header("content-security-policy"), kPageCsp);
  EXPECT_NE(refused.body.find("id=\"form-error\""), std::string::npos);
  EXPECT_NE(refused.body.find(HtmlEscaped(answers["summary"].get<std::string>())), std::string::npos);
  EXPECT_EQ(TokenIn(refused.body).size(), 32u);
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 1);
}

TEST(ReporterPagesTiming, AFormSentTooSoonIsRefused) {
  ServiceProcess service;
  ASSERT_TRUE(service.Start({"--form-min-seconds", "2"})) << service.ServerLog();
  HttpClient client(service.port());
  const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const auto answers = BuildReport(questionnaire, "early")["answers"];
  const std::string token = TokenIn(client.Get("/report/voice_cloning").body);
  const HttpResponse early = client.Request("POST", "/report/voice_cloning", FormBody(answers, token), kFormType);
  EXPECT_EQ(early.status, 400);
  EXPECT_NE(early.body.find("id=\"form-error\""), std::string::npos);
  const std::string later = TokenIn(early.body);
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  const HttpResponse accepted = client.Request("POST", "/report/voice_cloning", FormBody(answers, later), kFormType);
  EXPECT_EQ(accepted.status, 200);
  EXPECT_EQ(CountRows(service.database_path(), "reports"), 1);
}

}  // namespace
}  // namespace pillarbox::testing
