// The case API against the real binary: a case's whole life over HTTP, bad
// input (400 naming the field, nothing stored), illegal moves (409), cases of
// other desks (404), partners and researchers (403), and concurrent editors
// losing nothing. Canary titles, summaries and notes never reach the
// database files or the log in clear.
#include <gtest/gtest.h>

#include <thread>

#include "case_api_fixture.h"
#include "instance_inspector.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

TEST_F(CaseApiTest, ACaseFromCreationToMerge) {
  const std::string report = SubmitReport("voice_cloning", "CASEREP");
  const std::string work_report = SubmitReport("workplace_ai_harm", "CASEWORK");
  const std::string id = CreateCase("voice", "voice_cloning", "CANARY-CASE-TITLE", "CANARY-CASE-SUMMARY");
  ASSERT_EQ(id.size(), 32u);

  auto list = Expect(200, "GET", "/api/v1/cases", "voice");
  ASSERT_EQ(list["cases"].size(), 1u);
  EXPECT_EQ(list["cases"][0]["title"], "CANARY-CASE-TITLE");
  EXPECT_EQ(list["cases"][0]["status"], "open");
  EXPECT_EQ(list["cases"][0]["report_count"], 0);
  EXPECT_TRUE(list["next"].is_null());

  // Reports: linking moves a new report to linked_to_case; again is a no-op.
  auto added = Expect(200, "POST", "/api/v1/cases/" + id + "/reports", "voice", json{{"report_id", report}});
  EXPECT_EQ(added["changed"], true);
  EXPECT_EQ(added["revision"], 1);
  EXPECT_EQ(Expect(200, "POST", "/api/v1/cases/" + id + "/reports", "voice", json{{"report_id", report}})["changed"],
            false);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/reports/" + report, "voice")["status"], "linked_to_case");
  Expect(404, "POST", "/api/v1/cases/" + id + "/reports", "voice", json{{"report_id", work_report}});
  Expect(200, "POST", "/api/v1/cases/" + id + "/reports", "admin", json{{"report_id", work_report}});

  // Tags and pillars.
  const std::string tag = InsertTag("voice theft");
  Expect(200, "PUT", "/api/v1/cases/" + id + "/tags/" + tag, "voice");
  EXPECT_EQ(Expect(400, "PUT", "/api/v1/cases/" + id + "/tags/" + std::string(32, 'a'), "voice")["error"]["field"],
            "tag");
  HttpClient client(service_.port());
  const json taxonomy = json::parse(client.Get("/api/v1/taxonomy").body);
  ASSERT_EQ(taxonomy["pillars"].size(), 9u);
  for (const auto& pillar : taxonomy["pillars"]) {
    EXPECT_EQ(Expect(200, "PUT", "/api/v1/cases/" + id + "/pillars/" + pillar["value"].get<std::string>(), "voice")
                  ["changed"],
              true)
        << pillar;
  }
  EXPECT_EQ(Expect(400, "PUT", "/api/v1/cases/" + id + "/pillars/mining", "voice")["error"]["field"], "pillar");
  Expect(200, "DELETE", "/api/v1/cases/" + id + "/pillars/funding", "voice");

  // Notes.
  const auto note = Expect(201, "POST", "/api/v1/cases/" + id + "/notes", "voice", json{{"body", "CANARY-CASE-NOTE"}});
  EXPECT_EQ(note["author"], "rev-voice");
  const auto notes = Expect(200, "GET", "/api/v1/cases/" + id + "/notes", "voice2");
  ASSERT_EQ(notes["notes"].size(), 1u);
  EXPECT_EQ(notes["notes"][0]["body"], "CANARY-CASE-NOTE");
  EXPECT_EQ(notes["notes"][0]["author"], "rev-voice");

  // The reviewer of the voice desk sees the workplace report only as a count.
  const auto view = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  EXPECT_EQ(view["summary"], "CANARY-CASE-SUMMARY");
  ASSERT_EQ(view["reports"].size(), 1u);
  EXPECT_EQ(view["reports"][0]["id"], report);
  EXPECT_EQ(view["hidden_report_count"], 1);
  EXPECT_EQ(view.dump().find(work_report), std::string::npos);
  EXPECT_EQ(view["tags"][0]["name"], "voice theft");
  EXPECT_EQ(view["pillars"].size(), 8u);
  EXPECT_EQ(view["timeline"][0]["event"], "case.created");
  const int revision = view["revision"];
  EXPECT_EQ(revision, static_cast<int>(view["timeline"].size()) - 1);

  // Edits: a stale revision is 409 naming it; closed and reopened.
  auto patched = Expect(200, "PATCH", "/api/v1/cases/" + id, "voice",
                        json{{"revision", revision}, {"title", "CANARY-CASE-RETITLED"}, {"status", "closed"}});
  EXPECT_EQ(patched["title"], "CANARY-CASE-RETITLED");
  EXPECT_EQ(patched["status"], "closed");
  EXPECT_EQ(patched["revision"], revision + 1);
  EXPECT_EQ(Expect(409, "PATCH", "/api/v1/cases/" + id, "voice", json{{"revision", revision}, {"title", "x"}})
                ["error"]["field"],
            "revision");
  Expect(200, "PATCH", "/api/v1/cases/" + id, "voice", json{{"revision", revision + 1}, {"status", "open"}});
  EXPECT_EQ(Expect(200, "GET", "/api/v1/cases?status=closed", "voice")["cases"].size(), 0u);

  // Unlinking.
  Expect(200, "DELETE", "/api/v1/cases/" + id + "/reports/" + report, "voice");
  Expect(404, "DELETE", "/api/v1/cases/" + id + "/reports/" + work_report, "voice");

  // Merge into a second case; the first is then merged and frozen.
  const std::string target = CreateCase("voice2", "voice_cloning", "CANARY-CASE-TARGET");
  const auto merged = Expect(200, "POST", "/api/v1/cases/" + id + "/merge", "voice", json{{"into", target}});
  EXPECT_EQ(merged["merged_into"], target);
  const auto target_view = Expect(200, "GET", "/api/v1/cases/" + target, "voice");
  EXPECT_EQ(target_view["hidden_report_count"], 1);
  EXPECT_EQ(target_view["tags"].size(), 1u);
  EXPECT_EQ(target_view["timeline"].back()["event"], "case.merged.from");
  EXPECT_EQ(Expect(200, "GET", "/api/v1/cases/" + target + "/notes", "voice")["notes"][0]["body"],
            "CANARY-CASE-NOTE");
  const auto source_view = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  EXPECT_EQ(source_view["status"], "merged");
  EXPECT_EQ(source_view["merged_into"], target);
  Expect(409, "POST", "/api/v1/cases/" + id + "/merge", "voice", json{{"into", target}});
  Expect(409, "POST", "/api/v1/cases/" + target + "/merge", "voice", json{{"into", id}});
  Expect(409, "POST", "/api/v1/cases/" + target + "/merge", "voice", json{{"into", target}});
  Expect(409, "POST", "/api/v1/cases/" + id + "/notes", "voice", json{{"body", "late"}});
  Expect(409, "PUT", "/api/v1/cases/" + id + "/pillars/labor", "voice");
  EXPECT_EQ(Expect(200, "GET", "/api/v1/cases?status=merged", "voice")["cases"][0]["id"], id);

  ASSERT_EQ(service_.Stop(), 0);
  const std::string files = ReadDatabaseFiles(service_.database_path());
  const std::string log = service_.ServerLog();
  for (const char* canary : {"CANARY-CASE-TITLE", "CANARY-CASE-SUMMARY", "CANARY-CASE-NOTE", "CANARY-CASE-RETITLED",
                             "CANARY-CASE-TARGET"}) {
    EXPECT_EQ(files.find(canary), std::string::npos) << canary << " in the database files";
    EXPECT_EQ(log.find(canary), std::string::npos) << canary << " in the log";
  }
  const CommandResult audit = RunPillarbox({"audit", "verify", "--data", service_.data_dir()});
  EXPECT_EQ(audit.exit_code, 0) << audit.err;
}

TEST_F(CaseApiTest, BadInputNamesTheFieldAndStoresNothing) {
  const std::string id = CreateCase("voice", "voice_cloning", "a case");
  const int64_t cases = Rows("cases"), events = Rows("case_events"), fields = Rows("case_fields");
  struct Bad {
    std::string method, path, body, field;
  };
  const std::string c = "/api/v1/cases/" + id;
  const std::vector<Bad> bad = {
      {"POST", "/api/v1/cases", R"({"title":"t"})", "desk"},
      {"POST", "/api/v1/cases", R"({"desk":"workplace_ai_harm","title":"t"})", "desk"},
      {"POST", "/api/v1/cases", R"({"desk":"voice_cloning"})", "title"},
      {"POST", "/api/v1/cases", R"({"desk":"voice_cloning","title":""})", "title"},
      {"POST", "/api/v1/cases", R"({"desk":"voice_cloning","title":")" + std::string(201, 'x') + R"("})", "title"},
      {"POST", "/api/v1/cases", R"({"desk":"voice_cloning","title":"t","summary":7})", "summary"},
      {"POST", "/api/v1/cases", R"({"desk":"voice_cloning","title":"t","colour":"red"})", "colour"},
      {"POST", "/api/v1/cases", R"(["desk"])", ""},
      {"POST", "/api/v1/cases", R"({"desk":)", ""},
      {"PATCH", c, R"({"title":"t"})", "revision"},
      {"PATCH", c, R"({"revision":"0","title":"t"})", "revision"},
      {"PATCH", c, R"({"revision":0.5,"title":"t"})", "revision"},
      {"PATCH", c, R"({"revision":0,"status":"merged"})", "status"},
      {"PATCH", c, R"({"revision":0,"title":"a\u0007b"})", "title"},
      {"POST", c + "/reports", R"({})", "report_id"},
      {"POST", c + "/notes", R"({"body":""})", "body"},
      {"POST", c + "/notes", R"({"body":")" + std::string(20001, 'n') + R"("})", "body"},
      {"POST", c + "/merge", R"({"into":"nope"})", "into"},
      {"POST", c + "/merge", R"({"into":")" + std::string(32, 'f') + R"("})", "into"},
      {"GET", "/api/v1/cases?status=pending", "", "status"},
      {"GET", "/api/v1/cases?limit=0", "", "limit"},
      {"GET", "/api/v1/cases?after=abc", "", "after"},
  };
  for (const Bad& each : bad) {
    const HttpResponse response =
        Call(each.method, each.path, "voice", each.body.empty() ? std::nullopt : std::optional<std::string>(each.body));
    EXPECT_EQ(response.status, 400) << each.method << " " << each.path.substr(0, 60) << " " << each.body.substr(0, 80);
    const json error = json::parse(response.body, nullptr, false);
    EXPECT_EQ(error["error"].value("field", ""), each.field) << each.body.substr(0, 80);
  }
  EXPECT_EQ(Call("POST", "/api/v1/cases", "voice", R"({"desk":"voice_cloning","title":"t"})", "text/plain").status,
            415);
  EXPECT_EQ(Rows("cases"), cases);
  EXPECT_EQ(Rows("case_events"), events);
  EXPECT_EQ(Rows("case_fields"), fields);
  EXPECT_EQ(Rows("case_notes"), 0);
  // A desk from another world and a report nobody can see name nothing.
  const HttpResponse invisible = Call("POST", c + "/reports", "voice", json{{"report_id", std::string(32, '0')}}.dump());
  EXPECT_EQ(invisible.status, 404);
  EXPECT_FALSE(json::parse(invisible.body)["error"].contains("field"));
}

TEST_F(CaseApiTest, OtherDesksGet404AndPartnersAndResearchers403) {
  const std::string id = CreateCase("voice", "voice_cloning", "CANARY-HIDDEN-TITLE");
  const std::string c = "/api/v1/cases/" + id;
  const std::string tag = InsertTag("hidden");
  struct Try {
    std::string method, path;
    std::optional<json> body;
  };
  const std::vector<Try> tries = {
      {"GET", c, std::nullopt},
      {"PATCH", c, json{{"revision", 0}, {"title", "x"}}},
      {"POST", c + "/reports", json{{"report_id", std::string(32, '1')}}},
      {"DELETE", c + "/reports/" + std::string(32, '1'), std::nullopt},
      {"PUT", c + "/tags/" + tag, std::nullopt},
      {"DELETE", c + "/tags/" + tag, std::nullopt},
      {"PUT", c + "/pillars/labor", std::nullopt},
      {"DELETE", c + "/pillars/labor", std::nullopt},
      {"POST", c + "/notes", json{{"body", "x"}}},
      {"GET", c + "/notes", std::nullopt},
      {"POST", c + "/merge", json{{"into", std::string(32, '2')}}},
  };
  for (const Try& each : tries) {
    const auto body = each.body.has_value() ? std::optional<std::string>(each.body->dump()) : std::nullopt;
    EXPECT_EQ(Call(each.method, each.path, "work", body).status, 404) << each.method << " " << each.path;
    EXPECT_EQ(Call(each.method, each.path, "partner", body).status, 403) << each.method << " " << each.path;
    EXPECT_EQ(Call(each.method, each.path, "researcher", body).status, 403) << each.method << " " << each.path;
    EXPECT_EQ(Call(each.method, each.path, "anonymous", body).status, 401) << each.method << " " << each.path;
  }
  EXPECT_EQ(Expect(200, "GET", "/api/v1/cases", "work")["cases"].size(), 0u);
  Expect(403, "GET", "/api/v1/cases", "partner");
  Expect(403, "POST", "/api/v1/cases", "researcher", json{{"desk", "voice_cloning"}, {"title", "x"}});
  const auto view = Expect(200, "GET", c, "voice");
  EXPECT_EQ(view["revision"], 0) << "nothing changed the case";
  EXPECT_EQ(view["title"], "CANARY-HIDDEN-TITLE");
}

// Four editors append to one summary at once over HTTP, re-reading on 409,
// while two reviewers link different reports to the same case: nothing is lost.
TEST_F(CaseApiTest, ConcurrentEditorsLoseNothing) {
  const std::string id = CreateCase("admin", "voice_cloning", "busy", "start");
  std::vector<std::string> reports;
  for (int i = 0; i < 6; ++i) reports.push_back(SubmitReport("voice_cloning", "CONC" + std::to_string(i)));
  constexpr int kEditors = 4, kAppends = 3;
  std::vector<std::thread> threads;
  for (int e = 0; e < kEditors; ++e) {
    threads.emplace_back([&, e] {
      const std::string role = e % 2 == 0 ? "voice" : "voice2";
      for (int a = 0; a < kAppends; ++a) {
        for (int attempt = 0; attempt < 100; ++attempt) {
          const auto view = json::parse(Call("GET", "/api/v1/cases/" + id, role).body);
          const std::string summary = view["summary"].get<std::string>() + " e" + std::to_string(e) + "a" + std::to_string(a);
          const auto response = Call("PATCH", "/api/v1/cases/" + id, role,
                                     json{{"revision", view["revision"]}, {"summary", summary}}.dump());
          if (response.status == 200) break;
          ASSERT_EQ(response.status, 409) << response.body;
        }
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    threads.emplace_back([&, r] {
      const std::string role = r == 0 ? "voice" : "voice2";
      for (size_t i = static_cast<size_t>(r); i < reports.size(); i += 2) {
        const auto response =
            Call("POST", "/api/v1/cases/" + id + "/reports", role, json{{"report_id", reports[i]}}.dump());
        EXPECT_EQ(response.status, 200) << response.body;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto view = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  for (int e = 0; e < kEditors; ++e) {
    for (int a = 0; a < kAppends; ++a) {
      const std::string mark = " e" + std::to_string(e) + "a" + std::to_string(a);
      EXPECT_NE(view["summary"].get<std::string>().find(mark), std::string::npos) << mark;
    }
  }
  EXPECT_EQ(view["reports"].size(), reports.size());
  EXPECT_EQ(view["revision"], kEditors * kAppends + static_cast<int>(reports.size()));
}

}  // namespace
}  // namespace pillarbox::testing
