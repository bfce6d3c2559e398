// Tags, pillars, internal notes and messages to the reporter over HTTP,
// against the real binary: each endpoint's success, every class of bad input
// (400 naming the field, nothing stored), 404 across desks, 403 for partners,
// the audit entries, and no note or message text in clear in the database.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "privacy/totp.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

class ReportLabelsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start()) << service_.ServerLog();
    tokens_["admin"] = Login(json::parse(service_.init_output())["admin"]);
    tokens_["voice"] = Login(CreateUser("rev-voice", "reviewer", {"voice_cloning"}));
    tokens_["work"] = Login(CreateUser("rev-work", "reviewer", {"workplace_ai_harm"}));
    tokens_["partner"] = Login(CreateUser("a-partner", "partner", {}));
    HttpClient client(service_.port());
    const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    ASSERT_EQ(client.PostJson("/api/v1/reports", BuildReport(questionnaire, "LABELS").dump()).status, 201);
    report_id_ = json::parse(Call("GET", "/api/v1/reports", "voice").body)["reports"][0]["id"];
  }

  std::string Login(const json& credentials) {
    return SignInStaff(service_.port(), credentials);
  }

  json CreateUser(const std::string& name, const std::string& role, const std::vector<std::string>& desks) {
    const auto response =
        Call("POST", "/api/v1/users", "admin", json{{"username", name}, {"role", role}, {"desks", desks}}.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return json::parse(response.body);
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& who,
                    const std::optional<std::string>& body = std::nullopt,
                    const std::string& content_type = "application/json") {
    HttpClient client(service_.port());
    return client.Request(method, path, body, body ? content_type : "",
                          {{"Authorization", "Bearer " + tokens_.at(who)}});
  }

  // Expects `response` to be 400 naming `field`.
  static void ExpectBadField(const HttpResponse& response, const std::string& field) {
    EXPECT_EQ(response.status, 400) << response.body;
    const auto error = json::parse(response.body, nullptr, false);
    EXPECT_EQ(error["error"].value("field", ""), field) << response.body;
  }

  int64_t Rows(const std::string& table) { return CountRows(service_.database_path(), table); }

  std::vector<std::string> AuditActions() {
    const auto response = Call("GET", "/api/v1/audit?limit=1000", "admin");
    EXPECT_EQ(response.status, 200) << response.body;
    std::vector<std::string> actions;
    const json log = json::parse(response.body);
    for (const auto& entry : log["entries"]) actions.push_back(entry["action"]);
    return actions;
  }

  ServiceProcess service_;
  std::map<std::string, std::string> tokens_;
  std::string report_id_;
};

TEST_F(ReportLabelsApiTest, TagsCreateListRenameMerge) {
  const auto created = Call("POST", "/api/v1/tags", "voice", R"({"name":"  Wage theft "})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string wage = json::parse(created.body)["id"];
  EXPECT_EQ(json::parse(created.body)["name"], "Wage theft");
  const auto taken = Call("POST", "/api/v1/tags", "work", R"({"name":"WAGE THEFT"})");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(json::parse(taken.body)["error"]["field"], "name");

  for (const std::string& bad :
       {std::string(R"({"name":""})"), std::string(R"({"name":"   "})"), json{{"name", std::string(65, 'x')}}.dump(),
        std::string(R"({"name":"a\u0007b"})"), std::string(R"({"name":7})"), std::string(R"({})")}) {
    ExpectBadField(Call("POST", "/api/v1/tags", "voice", bad), "name");
  }
  EXPECT_EQ(Call("POST", "/api/v1/tags", "voice", "[1]").status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/tags", "voice", R"({"name":"x"})", "text/plain").status, 415);
  EXPECT_EQ(Call("POST", "/api/v1/tags", "partner", R"({"name":"partner tag"})").status, 403);
  EXPECT_EQ(Rows("tags"), 1);

  const std::string other = json::parse(Call("POST", "/api/v1/tags", "voice", R"({"name":"unpaid"})").body)["id"];
  ASSERT_EQ(Call("PUT", "/api/v1/reports/" + report_id_ + "/tags/" + wage, "voice").status, 200);
  ASSERT_EQ(Call("PUT", "/api/v1/reports/" + report_id_ + "/tags/" + other, "voice").status, 200);

  const auto listed = json::parse(Call("GET", "/api/v1/tags", "voice").body)["tags"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["name"], "unpaid");
  EXPECT_EQ(listed[0]["reports"], 1);
  EXPECT_EQ(listed[0]["cases"], 0);
  const auto seen_elsewhere = json::parse(Call("GET", "/api/v1/tags", "work").body)["tags"];
  EXPECT_EQ(seen_elsewhere[0]["reports"], 0) << "counts cover the caller's desks only";
  EXPECT_EQ(Call("GET", "/api/v1/tags", "partner").status, 403);

  const auto renamed = Call("PATCH", "/api/v1/tags/" + other, "work", R"({"name":"Unpaid wages"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(json::parse(renamed.body)["name"], "Unpaid wages");
  EXPECT_EQ(Call("PATCH", "/api/v1/tags/" + other, "voice", R"({"name":"wage theft"})").status, 409);
  ExpectBadField(Call("PATCH", "/api/v1/tags/" + other, "voice", R"({"name":""})"), "name");
  EXPECT_EQ(Call("PATCH", "/api/v1/tags/" + std::string(32, 'f'), "voice", R"({"name":"z"})").status, 404);
  EXPECT_EQ(Rows("tags WHERE name = 'Unpaid wages'"), 1);

  ExpectBadField(Call("POST", "/api/v1/tags/" + other + "/merge", "voice", json{{"into", other}}.dump()), "into");
  ExpectBadField(Call("POST", "/api/v1/tags/" + other + "/merge", "voice", R"({"into":"nope"})"), "into");
  ExpectBadField(Call("POST", "/api/v1/tags/" + other + "/merge", "voice", json{{"into", std::string(32, 'f')}}.dump()),
                 "into");
  EXPECT_EQ(Rows("tags"), 2);
  const auto merged = Call("POST", "/api/v1/tags/" + other + "/merge", "voice", json{{"into", wage}}.dump());
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(json::parse(merged.body)["report_links"], 1);
  EXPECT_EQ(Rows("tags"), 1);
  EXPECT_EQ(Rows("report_tags"), 1) << "the report carried both tags: one link is left";
  EXPECT_EQ(Call("POST", "/api/v1/tags/" + other + "/merge", "voice", json{{"into", wage}}.dump()).status, 404);

  const auto actions = AuditActions();
  for (const char* action : {"tag.created", "tag.renamed", "tag.merged", "report.tag.added"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
  }
}

TEST_F(ReportLabelsApiTest, TagsAndPillarsOnReports) {
  const std::string tag = json::parse(Call("POST", "/api/v1/tags", "voice", R"({"name":"deepfake"})").body)["id"];
  const std::string base = "/api/v1/reports/" + report_id_;
  const auto put = Call("PUT", base + "/tags/" + tag, "voice");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body)["tags"][0]["name"], "deepfake");
  EXPECT_EQ(Call("PUT", base + "/tags/" + tag, "voice").status, 200);  // idempotent
  EXPECT_EQ(Call("PUT", base + "/pillars/labor", "voice").status, 200);
  EXPECT_EQ(Call("PUT", base + "/pillars/surveillance", "admin").status, 200);
  EXPECT_EQ(Rows("report_tags"), 1);
  EXPECT_EQ(Rows("report_pillars"), 2);

  ExpectBadField(Call("PUT", base + "/pillars/astrology", "voice"), "pillar");
  ExpectBadField(Call("DELETE", base + "/pillars/LABOR", "voice"), "pillar");
  EXPECT_EQ(Call("PUT", base + "/tags/" + std::string(32, 'f'), "voice").status, 404);
  EXPECT_EQ(Call("PUT", base + "/tags/not-a-tag", "voice").status, 404);
  EXPECT_EQ(Call("PUT", base + "/pillars/funding", "work").status, 404);
  EXPECT_EQ(Call("PUT", base + "/tags/" + tag, "work").status, 404);
  EXPECT_EQ(Call("PUT", "/api/v1/reports/" + std::string(32, 'a') + "/pillars/funding", "voice").status, 404);
  EXPECT_EQ(Call("PUT", base + "/pillars/funding", "partner").status, 403);
  EXPECT_EQ(Rows("report_pillars"), 2);

  const auto opened = json::parse(Call("GET", base, "voice").body);
  EXPECT_EQ(opened["tags"], json::parse(R"([{"id":")" + tag + R"(","name":"deepfake"}])"));
  EXPECT_EQ(opened["pillars"], json::parse(R"(["labor","surveillance"])"));
  EXPECT_EQ(opened["answers"]["narrative"].get<std::string>().rfind("LABELS-narrative-", 0), 0u);

  const auto removed = Call("DELETE", base + "/tags/" + tag, "voice");
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(json::parse(removed.body)["tags"].empty());
  EXPECT_EQ(Call("DELETE", base + "/tags/" + tag, "voice").status, 200);  // idempotent
  EXPECT_EQ(Call("DELETE", base + "/pillars/labor", "voice").status, 200);
  EXPECT_EQ(Rows("report_tags"), 0);
  EXPECT_EQ(Rows("report_pillars WHERE pillar = 'surveillance'"), 1);
  const auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.tag.added"), 1);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.tag.removed"), 1);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.pillar.added"), 2);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.pillar.removed"), 1);
}

TEST_F(ReportLabelsApiTest, NotesAndMessagesAreSealedAndChecked) {
  const std::string base = "/api/v1/reports/" + report_id_;
  const std::string note_canary = "NOTECANARY-4b1e-manager-name";
  const std::string message_canary = "MSGCANARY-88c0-please-call";
  const auto note = Call("POST", base + "/notes", "voice", json{{"body", note_canary}}.dump());
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(json::parse(note.body)["author"]["username"], "rev-voice");
  ASSERT_EQ(Call("POST", base + "/notes", "admin", R"({"body":"second"})").status, 201);

  const auto notes = json::parse(Call("GET", base + "/notes", "voice").body)["notes"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["body"], note_canary);
  EXPECT_EQ(notes[1]["body"], "second");
  EXPECT_EQ(notes[1]["author"]["username"], "admin");

  for (const char* path : {"/notes", "/messages"}) {
    for (const std::string& bad : {std::string(R"({})"), std::string(R"({"body":""})"), std::string(R"({"body":"  "})"),
                                   std::string(R"({"body":5})"), json{{"body", std::string(10001, 'x')}}.dump()}) {
      ExpectBadField(Call("POST", base + path, "voice", bad), "body");
    }
    EXPECT_EQ(Call("POST", base + path, "voice", R"({"body":"x"})", "text/plain").status, 415);
    EXPECT_EQ(Call("POST", base + path, "voice", json{{"body", std::string(70000, 'x')}}.dump()).status, 413);
    EXPECT_EQ(Call("POST", base + path, "work", R"({"body":"x"})").status, 404);
    EXPECT_EQ(Call("GET", base + path, "work").status, 404);
    EXPECT_EQ(Call("POST", base + path, "partner", R"({"body":"x"})").status, 403);
    EXPECT_EQ(Call("GET", base + path, "partner").status, 403);
  }
  EXPECT_EQ(Rows("report_notes"), 2);
  EXPECT_EQ(Rows("report_messages"), 0);
  EXPECT_EQ(Rows("reports WHERE first_feedback_day IS NOT NULL"), 0);

  std::string longest;
  for (int i = 0; i < 10000; ++i) longest += "é";
  const auto first = Call("POST", base + "/messages", "voice", json{{"body", message_canary}}.dump());
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(json::parse(first.body)["seq"], 1);
  EXPECT_EQ(Rows("reports WHERE first_feedback_day IS NOT NULL AND revision = 1"), 1);
  const auto second = Call("POST", base + "/messages", "admin", json{{"body", longest}}.dump());
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(json::parse(second.body)["seq"], 2);
  EXPECT_EQ(Rows("reports WHERE revision = 1"), 1) << "only the first message changes the report";

  const auto messages = json::parse(Call("GET", base + "/messages", "voice").body)["messages"];
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0]["body"], message_canary);
  EXPECT_EQ(messages[0]["author_role"], "reviewer");
  EXPECT_EQ(messages[0]["author"], "rev-voice");
  EXPECT_EQ(messages[0]["created_day"].get<std::string>().size(), 10u);
  EXPECT_EQ(messages[1]["body"], longest);
  EXPECT_EQ(messages.dump().find(note_canary), std::string::npos) << "a note leaked into the conversation";

  const std::string files = ReadDatabaseFiles(service_.database_path());
  EXPECT_EQ(files.find("NOTECANARY"), std::string::npos);
  EXPECT_EQ(files.find("MSGCANARY"), std::string::npos);
  EXPECT_EQ(service_.ServerLog().find("CANARY"), std::string::npos);
  const auto actions = AuditActions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.note.added"), 2);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.notes.viewed"), 1);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.message.sent"), 2);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "report.messages.viewed"), 1);
}

}  // namespace
}  // namespace pillarbox::testing
