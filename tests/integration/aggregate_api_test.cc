// Aggregation through the real service: 40 reports submitted through the
// intake API name two organizations written in varied case and spacing;
// reviewers group them by their blind indexes without decrypting anything,
// list one group's reports, see the related reports of one report and the
// open cases per group, and the names never reach the database files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "case_api_fixture.h"
#include "instance_inspector.h"
#include "report_payloads.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

class AggregateApiTest : public CaseApiTest {
 protected:
  // Submits a voice_cloning report naming `organization` and `ai_system`;
  // its id (the one report the admin's queue did not list before).
  std::string Submit(const std::string& organization, const std::string& ai_system) {
    HttpClient client(service_.port());
    if (questionnaire_.is_null()) {
      questionnaire_ = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    }
    json body = BuildReport(questionnaire_, "AGGCANARY");
    body["answers"]["organization"] = organization;
    if (ai_system.empty()) {
      body["answers"].erase("ai_system");
    } else {
      body["answers"]["ai_system"] = ai_system;
    }
    EXPECT_EQ(client.PostJson("/api/v1/reports", body.dump()).status, 201);
    const auto listed = Expect(200, "GET", "/api/v1/reports?limit=100", "admin");
    for (const auto& report : listed["reports"]) {
      if (known_.insert(report["id"].get<std::string>()).second) return report["id"];
    }
    ADD_FAILURE() << "the new report is not listed";
    return "";
  }

  void AddToCase(const std::string& case_id, const std::string& report) {
    Expect(200, "POST", "/api/v1/cases/" + case_id + "/reports", "voice", json{{"report_id", report}});
  }

  json questionnaire_;
  std::set<std::string> known_;
};

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

TEST_F(AggregateApiTest, GroupsRelatedAndOpenCasesWithoutClearNames) {
  const std::vector<std::string> acme{"Acmevoxtra, Inc.", "  acmevoxtra inc ", "ACMEVOXTRA", "Acmevoxtra Inc",
                                      "acmevoxtra,   inc"};
  const std::vector<std::string> globex{"Globexium Ltd", "GLOBEXIUM", " globexium  ltd. ", "Globexium"};
  std::vector<std::string> acme_ids, globex_ids;
  for (int i = 0; i < 25; ++i) acme_ids.push_back(Submit(acme[i % acme.size()], i < 10 ? "Voicebender" : ""));
  for (int i = 0; i < 15; ++i) globex_ids.push_back(Submit(globex[i % globex.size()], "VOICEBENDER "));
  ASSERT_EQ(known_.size(), 40u);

  // Three cases: two open (one per organization), one closed.
  const std::string acme_case = CreateCase("voice", "voice_cloning", "Acme cloned voices");
  const std::string globex_case = CreateCase("voice", "voice_cloning", "Globex");
  const std::string closed_case = CreateCase("voice", "voice_cloning", "Old");
  for (int i = 0; i < 5; ++i) AddToCase(acme_case, acme_ids[i]);
  for (int i = 0; i < 3; ++i) AddToCase(globex_case, globex_ids[i]);
  AddToCase(closed_case, acme_ids[20]);
  const auto closed = Expect(200, "GET", "/api/v1/cases/" + closed_case, "voice");
  Expect(200, "PATCH", "/api/v1/cases/" + closed_case, "voice",
         json{{"revision", closed["revision"]}, {"status", "closed"}});

  const auto groups = Expect(200, "GET", "/api/v1/aggregates/groups?by=organization&min=2", "voice")["groups"];
  ASSERT_EQ(groups.size(), 2u) << groups.dump();
  EXPECT_EQ(groups[0]["count"], 25);
  EXPECT_EQ(groups[1]["count"], 15);
  EXPECT_EQ(groups[0]["open_case_ids"], json::array({acme_case}));
  EXPECT_EQ(groups[1]["open_case_ids"], json::array({globex_case}));
  EXPECT_TRUE(std::count(acme_ids.begin(), acme_ids.end(), groups[0]["sample_report_id"].get<std::string>()));
  // The reporter's words behind the key: the sample opens to the name.
  const auto sample = Expect(200, "GET", "/api/v1/reports/" + groups[0]["sample_report_id"].get<std::string>(),
                             "voice");
  EXPECT_NE(Lower(sample.dump()).find("acmevoxtra"), std::string::npos);

  // AI systems: "Voicebender" and "VOICEBENDER " are one group of 25.
  const auto systems = Expect(200, "GET", "/api/v1/aggregates/groups?by=ai_system", "voice")["groups"];
  ASSERT_EQ(systems.size(), 1u) << systems.dump();
  EXPECT_EQ(systems[0]["count"], 25);

  // One group's reports, two pages.
  const std::string key = groups[1]["key"];
  auto page = Expect(200, "GET", "/api/v1/aggregates/groups/organization/" + key + "/reports?limit=10", "voice");
  ASSERT_EQ(page["reports"].size(), 10u);
  ASSERT_TRUE(page["next"].is_string());
  auto rest = Expect(200, "GET",
                     "/api/v1/aggregates/groups/organization/" + key + "/reports?limit=10&after=" +
                         page["next"].get<std::string>(),
                     "voice");
  EXPECT_TRUE(rest["next"].is_null());
  std::set<std::string> listed;
  for (const auto& report : page["reports"]) listed.insert(report["id"]);
  for (const auto& report : rest["reports"]) listed.insert(report["id"]);
  EXPECT_EQ(listed, std::set<std::string>(globex_ids.begin(), globex_ids.end()));
  // The workplace reviewer sees no voice reports in the group.
  EXPECT_TRUE(Expect(200, "GET", "/api/v1/aggregates/groups/organization/" + key + "/reports", "work")["reports"]
                  .empty());
  EXPECT_TRUE(Expect(200, "GET", "/api/v1/aggregates/groups?by=organization", "work")["groups"].empty());

  // Related to one Acme report with the AI system: its organization (24
  // others), its AI system (24 others), and all 39 share kind, sector, month.
  const auto related = Expect(200, "GET", "/api/v1/reports/" + acme_ids[0] + "/related", "voice");
  std::set<std::string> by_org, by_system, by_month;
  for (const auto& report : related["reports"]) {
    for (const auto& reason : report["reasons"]) {
      if (reason == "organization") by_org.insert(report["id"]);
      if (reason == "ai_system") by_system.insert(report["id"]);
      if (reason == "kind_sector_month") by_month.insert(report["id"]);
    }
  }
  EXPECT_EQ(by_org, std::set<std::string>(acme_ids.begin() + 1, acme_ids.end()));
  EXPECT_EQ(by_system.size(), 24u);
  EXPECT_EQ(by_system.count(globex_ids[0]), 1u);
  EXPECT_EQ(by_month.size(), 39u);
  EXPECT_EQ(related["open_case_ids"].size(), 2u);  // both open cases hold related reports; the closed one is not
  Expect(404, "GET", "/api/v1/reports/" + acme_ids[0] + "/related", "work");
  Expect(400, "GET", "/api/v1/aggregates/groups?by=sector", "voice");
  Expect(400, "GET", "/api/v1/aggregates/groups/organization/xyz/reports", "voice");

  // No name in clear anywhere in the database, WAL or shared memory; a clear
  // value (the desk id stored in reports) is found by the same scan.
  const std::string stored = Lower(ReadDatabaseFiles(service_.database_path()));
  EXPECT_NE(stored.find("voice_cloning"), std::string::npos);
  EXPECT_EQ(stored.find("acmevoxtra"), std::string::npos);
  EXPECT_EQ(stored.find("globexium"), std::string::npos);
  EXPECT_EQ(stored.find("voicebender"), std::string::npos);
  const std::string log = Lower(service_.ServerLog());
  EXPECT_NE(log.find("/api/v1/aggregates/groups"), std::string::npos);
  EXPECT_EQ(log.find("acmevoxtra"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::testing
