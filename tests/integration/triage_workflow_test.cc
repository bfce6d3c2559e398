// The triage queue and the report workflow over HTTP, against the real
// binary: each workflow step, the illegal ones (409 naming status), stale
// revisions (409 naming revision), assignment errors, the deadline settings,
// the queue's filters and counts, and the audit entries they leave.
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

using nlohmann::json;

class TriageWorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start()) << service_.ServerLog();
    admin_ = Login(json::parse(service_.init_output())["admin"]);
    const auto voice = CreateUser("rev-voice", "reviewer", {"voice_cloning"});
    voice_reviewer_id_ = voice["id"];
    voice_token_ = Login(voice);
    work_reviewer_id_ = CreateUser("rev-work", "reviewer", {"workplace_ai_harm"})["id"];
    partner_id_ = CreateUser("partner", "partner", {})["id"];
    HttpClient client(service_.port());
    for (const char* kind : {"voice_cloning", "voice_cloning", "workplace_ai_harm"}) {
      const auto questionnaire = json::parse(client.Get(std::string("/api/v1/questionnaires/") + kind).body);
      ASSERT_EQ(client.PostJson("/api/v1/reports", BuildReport(questionnaire, "TRIAGE").dump()).status, 201);
    }
    const auto listed = Ok(Call("GET", "/api/v1/reports?kind=voice_cloning", admin_));
    ASSERT_EQ(listed["reports"].size(), 2u);
    report_ = listed["reports"][0]["id"];
  }

  std::string Login(const json& credentials) {
    return SignInStaff(service_.port(), credentials);
  }

  json CreateUser(const std::string& name, const std::string& role, const std::vector<std::string>& desks) {
    const auto response =
        Call("POST", "/api/v1/users", admin_, json{{"username", name}, {"role", role}, {"desks", desks}}.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return json::parse(response.body);
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& token,
                    const std::optional<std::string>& body = std::nullopt,
                    const std::string& content_type = "application/json") {
    HttpClient client(service_.port());
    return client.Request(method, path, body, body ? content_type : "", {{"Authorization", "Bearer " + token}});
  }

  static json Ok(const HttpResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body, nullptr, false);
  }

  // The error field of a failed response, after checking its status.
  static std::string ErrorField(const HttpResponse& response, int status) {
    EXPECT_EQ(response.status, status) << response.body;
    return json::parse(response.body, nullptr, false)["error"].value("field", "");
  }

  HttpResponse Move(const std::string& status, int64_t revision, const std::string& reason = "") {
    json body{{"status", status}, {"revision", revision}};
    if (!reason.empty()) body["reason"] = reason;
    return Call("POST", "/api/v1/reports/" + report_ + "/status", admin_, body.dump());
  }

  HttpResponse Assign(const json& assignee, int64_t revision) {
    return Call("POST", "/api/v1/reports/" + report_ + "/assignee", admin_,
                json{{"assignee", assignee}, {"revision", revision}}.dump());
  }

  std::vector<std::string> ListedIds(const std::string& query) {
    std::vector<std::string> ids;
    const json page = Ok(Call("GET", "/api/v1/reports" + query, admin_));
    for (const auto& report : page["reports"]) ids.push_back(report["id"]);
    return ids;
  }

  ServiceProcess service_;
  std::string admin_, voice_token_, voice_reviewer_id_, work_reviewer_id_, partner_id_, report_;
};

TEST_F(TriageWorkflowTest, EachStepOfTheWorkflowAndEveryRefusal) {
  const auto fresh = Ok(Call("GET", "/api/v1/reports?status=new&kind=voice_cloning", admin_))["reports"][0];
  EXPECT_EQ(fresh["revision"], 0);
  EXPECT_TRUE(fresh["assignee"].is_null());
  EXPECT_EQ(fresh["tags"], json::array());
  EXPECT_FALSE(fresh["overdue"].get<bool>());
  EXPECT_EQ(fresh["acknowledge_due_day"].get<std::string>().size(), 10u);

  auto step = Ok(Move("acknowledged", 0));
  EXPECT_EQ(step["status"], "acknowledged");
  EXPECT_EQ(step["revision"], 1);
  EXPECT_EQ(step["acknowledged_day"], fresh["received_day"]) << "acknowledged the day it arrived";
  EXPECT_EQ(ErrorField(Move("new", 1), 409), "status");
  EXPECT_EQ(ErrorField(Move("in_review", 0), 409), "revision");
  step = Ok(Move("in_review", 1));
  step = Ok(Move("linked_to_case", 2));
  EXPECT_EQ(ErrorField(Move("closed", 3), 400), "reason");
  EXPECT_EQ(ErrorField(Move("closed", 3, "bored"), 400), "reason");
  EXPECT_EQ(ErrorField(Move("in_review", 3, "duplicate"), 400), "reason");
  step = Ok(Move("closed", 3, "out_of_scope"));
  EXPECT_EQ(step["close_reason"], "out_of_scope");
  EXPECT_EQ(ErrorField(Move("acknowledged", 4), 409), "status");
  EXPECT_EQ(ErrorField(Move("closed", 4, "duplicate"), 409), "status");
  step = Ok(Move("in_review", 4));
  EXPECT_TRUE(step["close_reason"].is_null()) << "reopening clears the reason";
  EXPECT_EQ(step["revision"], 5);

  EXPECT_EQ(ErrorField(Move("archived", 5), 400), "status");
  EXPECT_EQ(ErrorField(Call("POST", "/api/v1/reports/" + report_ + "/status", admin_, R"({"status":"closed"})"), 400),
            "revision");
  EXPECT_EQ(Call("POST", "/api/v1/reports/" + report_ + "/status", admin_, "{", "application/json").status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/reports/" + report_ + "/status", admin_, "status=closed", "text/plain").status,
            415);
  EXPECT_EQ(Call("POST", "/api/v1/reports/" + std::string(32, 'a') + "/status", admin_,
                 R"({"status":"closed","reason":"duplicate","revision":5})")
                .status,
            404);
  EXPECT_EQ(Ok(Call("GET", "/api/v1/reports?status=in_review", admin_))["reports"][0]["revision"], 5)
      << "refusals wrote nothing";
}

TEST_F(TriageWorkflowTest, AssignmentOnlyToReviewersOfTheReportsDesk) {
  auto assigned = Ok(Assign(voice_reviewer_id_, 0));
  EXPECT_EQ(assigned["assignee"], voice_reviewer_id_);
  EXPECT_EQ(ErrorField(Assign(work_reviewer_id_, 1), 400), "assignee");
  EXPECT_EQ(ErrorField(Assign(partner_id_, 1), 400), "assignee");
  EXPECT_EQ(ErrorField(Assign("me", 1), 400), "assignee");
  EXPECT_EQ(ErrorField(Assign(42, 1), 400), "assignee");
  EXPECT_EQ(ErrorField(Assign(voice_reviewer_id_, 0), 409), "revision");
  const auto mine = Ok(Call("GET", "/api/v1/reports?assignee=me", voice_token_))["reports"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["id"], report_);
  EXPECT_EQ(ListedIds("?assignee=" + voice_reviewer_id_), std::vector<std::string>{report_});
  EXPECT_EQ(ListedIds("?assignee=none").size(), 2u);
  auto unassigned = Ok(Assign(nullptr, 1));
  EXPECT_TRUE(unassigned["assignee"].is_null());
  EXPECT_EQ(unassigned["revision"], 2);
  EXPECT_TRUE(ListedIds("?assignee=" + voice_reviewer_id_).empty());
  // Opening the report gives its workflow state too, as the queue does.
  Ok(Assign(voice_reviewer_id_, 2));
  const auto opened = Ok(Call("GET", "/api/v1/reports/" + report_, voice_token_));
  EXPECT_EQ(opened["assignee"], voice_reviewer_id_);
  EXPECT_EQ(opened["revision"], 3);
  EXPECT_EQ(opened["acknowledge_due_day"].get<std::string>().size(), 10u);
  EXPECT_FALSE(opened["overdue"].get<bool>());
  EXPECT_FALSE(opened["answers"].empty()) << "still the decrypted report";
  Ok(Assign(nullptr, 3));

  const auto audit = Ok(Call("GET", "/api/v1/audit?limit=1000", admin_))["entries"];
  std::vector<std::string> details;
  for (const auto& entry : audit) {
    if (entry["action"] == "report.assigned" && entry["object_id"] == report_) details.push_back(entry["detail"]);
  }
  EXPECT_EQ(details, (std::vector<std::string>{"assignee=" + voice_reviewer_id_, "assignee=none",
                                               "assignee=" + voice_reviewer_id_, "assignee=none"}));
}

TEST_F(TriageWorkflowTest, FiltersCountsAndTheirBadValues) {
  Ok(Move("closed", 0, "duplicate"));
  EXPECT_EQ(ListedIds("?status=closed"), std::vector<std::string>{report_});
  EXPECT_EQ(ListedIds("?kind=workplace_ai_harm").size(), 1u);
  EXPECT_EQ(ListedIds("?desk=voice_cloning&status=new").size(), 1u);
  EXPECT_EQ(ListedIds("?overdue=true").size(), 0u);
  EXPECT_EQ(ListedIds("?from=2000-01-01&to=2000-12-31").size(), 0u);
  EXPECT_EQ(ListedIds("?from=2000-01-01").size(), 3u);
  const auto page = Ok(Call("GET", "/api/v1/reports?limit=2", admin_));
  ASSERT_EQ(page["reports"].size(), 2u);
  ASSERT_TRUE(page["next"].is_string());
  const auto rest = Ok(Call("GET", "/api/v1/reports?limit=2&after=" + page["next"].get<std::string>(), admin_));
  ASSERT_EQ(rest["reports"].size(), 1u);
  EXPECT_TRUE(rest["next"].is_null());

  EXPECT_EQ(Ok(Call("GET", "/api/v1/reports/counts", admin_))["counts"],
            (json{{"new", 2}, {"acknowledged", 0}, {"in_review", 0}, {"linked_to_case", 0}, {"closed", 1}}));
  EXPECT_EQ(Ok(Call("GET", "/api/v1/reports/counts", voice_token_))["counts"]["new"], 1) << "own desks only";
  EXPECT_EQ(Ok(Call("GET", "/api/v1/reports/counts?kind=workplace_ai_harm", admin_))["counts"]["new"], 1);

  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"kind=cats", "kind"},      {"desk=A%20B", "desk"},     {"region=mars", "region"},
           {"sector=x", "sector"},     {"status=done", "status"},  {"tag=xyz", "tag"},
           {"pillar=x", "pillar"},     {"assignee=you", "assignee"}, {"from=2024-02-30", "from"},
           {"to=today", "to"},         {"overdue=yes", "overdue"}, {"limit=0", "limit"},
           {"after=nope", "after"}}) {
    EXPECT_EQ(ErrorField(Call("GET", "/api/v1/reports?" + query, admin_), 400), field) << query;
  }
  EXPECT_EQ(ErrorField(Call("GET", "/api/v1/reports/counts?status=new", admin_), 400), "status");
}

TEST_F(TriageWorkflowTest, AdminsSetTheDeadlinesAndTheQueueFollows) {
  EXPECT_EQ(Ok(Call("GET", "/api/v1/settings/deadlines", voice_token_)),
            (json{{"acknowledge_days", 7}, {"feedback_days", 90}}));
  const std::string longer = R"({"acknowledge_days":3,"feedback_days":30})";
  EXPECT_EQ(Call("PUT", "/api/v1/settings/deadlines", voice_token_, longer).status, 403);
  EXPECT_EQ(ErrorField(Call("PUT", "/api/v1/settings/deadlines", admin_, R"({"acknowledge_days":0,"feedback_days":30})"),
                       400),
            "acknowledge_days");
  EXPECT_EQ(ErrorField(Call("PUT", "/api/v1/settings/deadlines", admin_, R"({"acknowledge_days":3})"), 400),
            "feedback_days");
  EXPECT_EQ(Ok(Call("PUT", "/api/v1/settings/deadlines", admin_, longer)),
            (json{{"acknowledge_days", 3}, {"feedback_days", 30}}));
  EXPECT_EQ(Ok(Call("GET", "/api/v1/settings/deadlines", admin_))["feedback_days"], 30);
  const auto item = Ok(Call("GET", "/api/v1/reports?limit=1", admin_))["reports"][0];
  EXPECT_GT(item["feedback_due_day"].get<std::string>(), item["acknowledge_due_day"].get<std::string>());
  const auto audit = Ok(Call("GET", "/api/v1/audit?limit=1000", admin_))["entries"];
  int changes = 0;
  for (const auto& entry : audit) {
    if (entry["action"] == "settings.deadlines.changed") {
      ++changes;
      EXPECT_EQ(entry["detail"], "acknowledge_days=3;feedback_days=30");
    }
  }
  EXPECT_EQ(changes, 1);
}

}  // namespace
}  // namespace pillarbox::testing
