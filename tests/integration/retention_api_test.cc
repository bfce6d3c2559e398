// The retention API through the real binary: the policy (GET, PUT with
// named-field errors and nothing stored on an error), legal hold on a case,
// closed_day on reports and cases, and `pillarbox purge` run while serve
// runs, after which GET shows the last purge.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "case_api_fixture.h"
#include "instance_inspector.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

std::string TodayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm day{};
  gmtime_r(&now, &day);
  char text[11];
  std::strftime(text, sizeof(text), "%Y-%m-%d", &day);
  return text;
}

class RetentionApiTest : public CaseApiTest {
 protected:
  // Runs `sql` on the instance's database (as an operator with sqlite3 would).
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(service_.database_path().c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  void CloseReport(const std::string& id) {
    const json report = Expect(200, "GET", "/api/v1/reports/" + id, "voice");
    Expect(200, "POST", "/api/v1/reports/" + id + "/status", "voice",
           json{{"status", "closed"}, {"reason", "actioned"}, {"revision", report["revision"]}});
  }

  // The field named by a 400 answer.
  std::string BadField(const std::string& role, const json& body) {
    const auto answer = Call("PUT", "/api/v1/settings/retention", role, body.dump());
    EXPECT_EQ(answer.status, 400) << answer.body;
    const json error = json::parse(answer.body, nullptr, false).value("error", json::object());
    return error.value("field", std::string());
  }
};

TEST_F(RetentionApiTest, PolicyDefaultsAccessAndValidation) {
  const json policy = Expect(200, "GET", "/api/v1/settings/retention", "voice");
  ASSERT_EQ(policy["policies"].size(), 3u) << policy.dump();  // one per questionnaire kind
  for (const json& kind : policy["policies"]) {
    EXPECT_EQ(kind["delete_closed_after_days"], 180);
    EXPECT_TRUE(kind["delete_any_after_days"].is_null());
  }
  EXPECT_EQ(policy["delete_closed_cases_after_days"], 730);
  EXPECT_EQ(policy["delete_bundles_after_days"], 30);
  EXPECT_TRUE(policy.contains("last_purge"));
  Expect(200, "GET", "/api/v1/settings/retention", "admin");
  Expect(403, "GET", "/api/v1/settings/retention", "partner");
  Expect(403, "GET", "/api/v1/settings/retention", "researcher");
  Expect(401, "GET", "/api/v1/settings/retention", "anonymous");
  Expect(403, "PUT", "/api/v1/settings/retention", "voice", json{{"delete_bundles_after_days", 7}});

  EXPECT_EQ(BadField("admin", {{"policies", {{{"kind", "no_such_kind"}}}}}), "policies[0].kind");
  EXPECT_EQ(BadField("admin", {{"policies", {{{"kind", "voice_cloning"}, {"delete_closed_after_days", 0}}}}}),
            "policies[0].delete_closed_after_days");
  EXPECT_EQ(BadField("admin", {{"policies",
                                {{{"kind", "voice_cloning"}, {"delete_closed_after_days", 10}},
                                 {{"kind", "workplace_ai_harm"}, {"delete_any_after_days", "a year"}}}}}),
            "policies[1].delete_any_after_days");
  EXPECT_EQ(BadField("admin", {{"policies", {{{"kind", "voice_cloning"}, {"delete_closed_after_days", 1.5}}}}}),
            "policies[0].delete_closed_after_days");
  EXPECT_EQ(BadField("admin", {{"delete_bundles_after_days", 3651}}), "delete_bundles_after_days");
  EXPECT_EQ(BadField("admin", {{"delete_closed_cases_after_days", -1}}), "delete_closed_cases_after_days");
  EXPECT_EQ(BadField("admin", {{"keep_forever", true}}), "keep_forever");
  // A valid first policy with a bad second member: nothing is stored.
  EXPECT_EQ(BadField("admin", {{"policies", {{{"kind", "voice_cloning"}, {"delete_closed_after_days", 10}}}},
                               {"delete_bundles_after_days", 0}}),
            "delete_bundles_after_days");
  EXPECT_EQ(Expect(200, "GET", "/api/v1/settings/retention", "voice")["policies"],
            policy["policies"]) << "a refused change stores nothing";

  const json stored = Expect(
      200, "PUT", "/api/v1/settings/retention", "admin",
      json{{"policies", {{{"kind", "workplace_ai_harm"}, {"delete_any_after_days", 365}, {"delete_closed_after_days", 90}}}},
           {"delete_bundles_after_days", 7}});
  ASSERT_EQ(stored["policies"].size(), 3u);
  for (const json& kind : stored["policies"]) {
    const bool changed = kind["kind"] == "workplace_ai_harm";
    EXPECT_EQ(kind["delete_closed_after_days"], changed ? 90 : 180);
    EXPECT_EQ(kind["delete_any_after_days"], changed ? json(365) : json(nullptr));
  }
  EXPECT_EQ(stored["delete_closed_cases_after_days"], 730);
  EXPECT_EQ(stored["delete_bundles_after_days"], 7);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/settings/retention", "voice")["policies"], stored["policies"]);
  EXPECT_EQ(Rows("audit_log WHERE action = 'settings.retention.changed'"), 1);
}

TEST_F(RetentionApiTest, LegalHoldOnACase) {
  const std::string id = CreateCase("voice", "voice_cloning", "Hold me");
  const json before = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  EXPECT_EQ(before["legal_hold"], false);
  EXPECT_TRUE(before["closed_day"].is_null());

  const json held = Expect(200, "PUT", "/api/v1/cases/" + id + "/legal-hold", "voice", json{{"held", true}});
  EXPECT_EQ(held["id"], id);
  EXPECT_EQ(held["legal_hold"], true);
  EXPECT_TRUE(held.contains("title")) << "the case as GET renders it";
  EXPECT_EQ(Expect(200, "GET", "/api/v1/cases/" + id, "voice2")["legal_hold"], true);
  EXPECT_EQ(Rows("audit_log WHERE action = 'case.legal_hold.set' AND object_id = '" + id + "'"), 1);

  Expect(404, "PUT", "/api/v1/cases/" + id + "/legal-hold", "work", json{{"held", false}});
  Expect(403, "PUT", "/api/v1/cases/" + id + "/legal-hold", "partner", json{{"held", false}});
  Expect(401, "PUT", "/api/v1/cases/" + id + "/legal-hold", "anonymous", json{{"held", false}});
  const auto bad = Call("PUT", "/api/v1/cases/" + id + "/legal-hold", "voice", json{{"held", "yes"}}.dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "held");
  Expect(404, "PUT", "/api/v1/cases/" + std::string(32, 'a') + "/legal-hold", "voice", json{{"held", true}});

  Expect(200, "PATCH", "/api/v1/cases/" + id, "voice",
         json{{"revision", held["revision"]}, {"status", "closed"}});
  const json closed = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  EXPECT_EQ(closed["closed_day"], TodayUtc());
  const json released = Expect(200, "PUT", "/api/v1/cases/" + id + "/legal-hold", "admin", json{{"held", false}});
  EXPECT_EQ(released["legal_hold"], false);
  EXPECT_EQ(Rows("audit_log WHERE action = 'case.legal_hold.released' AND object_id = '" + id + "'"), 1);
  const json listed = Expect(200, "GET", "/api/v1/cases", "voice");
  ASSERT_FALSE(listed["cases"].empty());
  EXPECT_TRUE(listed["cases"][0].contains("legal_hold"));
  EXPECT_TRUE(listed["cases"][0].contains("closed_day"));
}

TEST_F(RetentionApiTest, PurgeCommandWhileServingShredsDueReportsAndKeepsHeldOnes) {
  const std::string doomed = SubmitReport("voice_cloning", "PURGE-CANARY-doomed");
  const std::string held = SubmitReport("voice_cloning", "PURGE-CANARY-held");
  CloseReport(doomed);
  CloseReport(held);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/reports/" + doomed, "voice")["closed_day"], TodayUtc());
  const std::string hold_case = CreateCase("voice", "voice_cloning", "Litigation");
  Expect(200, "POST", "/api/v1/cases/" + hold_case + "/reports", "voice", json{{"report_id", held}});
  const json case_now = Expect(200, "GET", "/api/v1/cases/" + hold_case, "voice");
  Expect(200, "PATCH", "/api/v1/cases/" + hold_case, "voice",
         json{{"revision", case_now["revision"]}, {"status", "closed"}});
  Expect(200, "PUT", "/api/v1/cases/" + hold_case + "/legal-hold", "voice", json{{"held", true}});
  // Both were closed long ago, as far as the policy can tell.
  Sql("UPDATE reports SET closed_day = '2001-01-01' WHERE id IN ('" + doomed + "', '" + held + "')");

  const CommandResult purged = RunPillarbox({"purge", "--data", service_.data_dir(), "--json"});
  ASSERT_EQ(purged.exit_code, 0) << purged.err;
  const json counts = json::parse(purged.out);
  EXPECT_EQ(counts["reports"], 1);
  EXPECT_EQ(counts["cases"], 0);
  EXPECT_EQ(counts["day"], TodayUtc());

  Expect(404, "GET", "/api/v1/reports/" + doomed, "voice");
  Expect(200, "GET", "/api/v1/reports/" + held, "voice");
  EXPECT_EQ(Rows("reports WHERE id = '" + doomed + "'"), 0);
  EXPECT_EQ(Rows("report_fields WHERE report_id = '" + doomed + "'"), 0);
  EXPECT_EQ(Rows("audit_log WHERE action = 'retention.purged' AND object_id = '" + doomed + "'"), 1);
  const json policy = Expect(200, "GET", "/api/v1/settings/retention", "voice");
  EXPECT_EQ(policy["last_purge"], (json{{"day", TodayUtc()}, {"reports", 1}, {"cases", 0}, {"bundles", 0}}));

  const CommandResult text = RunPillarbox({"purge", "--data", service_.data_dir()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "purged day=" + TodayUtc() + " reports=0 cases=0 bundles=0\n");
}

TEST_F(RetentionApiTest, ServeRunsThePurgeAtStart) {
  // The scheduled run at start records its (empty) purge.
  json last;
  for (int i = 0; i < 100 && last.is_null(); ++i) {
    last = Expect(200, "GET", "/api/v1/settings/retention", "voice")["last_purge"];
    if (last.is_null()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(last, (json{{"day", TodayUtc()}, {"reports", 0}, {"cases", 0}, {"bundles", 0}}));
  EXPECT_GE(Rows("audit_log WHERE action = 'retention.purge.finished'"), 1);
}

}  // namespace
}  // namespace pillarbox::testing
