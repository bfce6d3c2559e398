// The actions API over HTTP: the catalogue (create, list with filters, read,
// change with optimistic concurrency), bad input naming the field with
// nothing stored, links between cases and actions in the case detail and
// timeline, and who may see what.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "case_api_fixture.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

// The first column of the first row of `sql` on the instance's database, as text.
std::string SqlText(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* statement = nullptr;
  std::string value = "<no row>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    value = text == nullptr ? "<null>" : reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

const json kPetition = {{"kind", "protest_campaign"},
                        {"subtype", "union_petition"},
                        {"name", "Petition against algorithmic wage setting"},
                        {"organization", "A union"},
                        {"jurisdiction", "Tokyo"},
                        {"region", "asia_oceania"},
                        {"status", "active"},
                        {"start_day", "2025-02-03"}};

using ActionApiTest = CaseApiTest;

TEST_F(ActionApiTest, CatalogueFromCreationToChange) {
  const json created = Expect(201, "POST", "/api/v1/actions", "voice", kPetition);
  const std::string id = created.value("id", "");
  ASSERT_EQ(id.size(), 32u);
  EXPECT_EQ(created["name"], kPetition["name"]);
  EXPECT_EQ(created["subtype"], "union_petition");
  EXPECT_EQ(created["start_day"], "2025-02-03");
  EXPECT_TRUE(created["end_day"].is_null());
  EXPECT_EQ(created["revision"], 0);
  EXPECT_EQ(created["demo"], false);
  const json lawsuit = Expect(201, "POST", "/api/v1/actions", "work",
                              json{{"kind", "legal_action"}, {"subtype", "lawsuit"}, {"name", "A lawsuit"},
                                   {"region", "us_canada"}});
  EXPECT_EQ(lawsuit["status"], "planned");  // the default
  EXPECT_EQ(lawsuit["organization"], "");
  EXPECT_EQ(Rows("actions"), 2);
  EXPECT_EQ(SqlText(service_.database_path(), "SELECT detail FROM audit_log WHERE action = 'action.created' AND "
                                               "object_id = '" + id + "'"),
            "kind=protest_campaign;subtype=union_petition;status=active");
  EXPECT_EQ(SqlText(service_.database_path(), "SELECT name || '|' || region FROM actions WHERE id = '" + id + "'"),
            "Petition against algorithmic wage setting|asia_oceania");

  // The list, by name, with filters; partners read it too.
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions", "admin")["actions"].size(), 2u);
  const json legal = Expect(200, "GET", "/api/v1/actions?kind=legal_action", "partner")["actions"];
  ASSERT_EQ(legal.size(), 1u);
  EXPECT_EQ(legal[0]["id"], lawsuit["id"]);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions?status=active&region=asia_oceania", "work")["actions"][0]["id"], id);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions?status=won", "voice")["actions"].size(), 0u);
  Expect(403, "GET", "/api/v1/actions", "researcher");
  Expect(401, "GET", "/api/v1/actions", "anonymous");

  // A change with the revision read; a stale one is 409 naming revision and changes nothing.
  const json changed = Expect(200, "PATCH", "/api/v1/actions/" + id, "work",
                              json{{"revision", 0}, {"status", "won"}, {"end_day", "2025-06-30"}});
  EXPECT_EQ(changed["revision"], 1);
  EXPECT_EQ(changed["status"], "won");
  EXPECT_EQ(changed["end_day"], "2025-06-30");
  EXPECT_EQ(changed["name"], kPetition["name"]);
  const json stale = Expect(409, "PATCH", "/api/v1/actions/" + id, "voice", json{{"revision", 0}, {"status", "lost"}});
  EXPECT_EQ(stale["error"]["field"], "revision");
  EXPECT_EQ(SqlText(service_.database_path(), "SELECT status || revision FROM actions WHERE id = '" + id + "'"), "won1");
  EXPECT_EQ(SqlText(service_.database_path(), "SELECT detail FROM audit_log WHERE action = 'action.changed' AND "
                                               "object_id = '" + id + "'"),
            "revision=1;from=active;to=won;days=changed");
  // The same values again: no change, no new revision.
  EXPECT_EQ(Expect(200, "PATCH", "/api/v1/actions/" + id, "voice", json{{"revision", 1}, {"status", "won"}})["revision"],
            1);
  // A null day clears it.
  EXPECT_TRUE(
      Expect(200, "PATCH", "/api/v1/actions/" + id, "voice", json{{"revision", 1}, {"end_day", nullptr}})["end_day"].is_null());
  Expect(403, "PATCH", "/api/v1/actions/" + id, "partner", json{{"revision", 2}, {"status", "lost"}});
  Expect(403, "POST", "/api/v1/actions", "partner", kPetition);
  Expect(404, "GET", "/api/v1/actions/" + std::string(32, 'a'), "voice");
  Expect(404, "PATCH", "/api/v1/actions/" + std::string(32, 'a'), "voice", json{{"revision", 0}});
  EXPECT_EQ(Rows("actions"), 2);
}

TEST_F(ActionApiTest, BadInputNamesTheFieldAndStoresNothing) {
  const std::string id = Expect(201, "POST", "/api/v1/actions", "voice", kPetition).value("id", "");
  const int64_t audit = Rows("audit_log");
  const auto with = [](const char* name, const json& value) {
    json body = kPetition;
    if (value.is_discarded()) {
      body.erase(name);
    } else {
      body[name] = value;
    }
    return body.dump();
  };
  const json absent(json::value_t::discarded);
  struct Bad {
    std::string method, path, body, field;
  };
  const std::string a = "/api/v1/actions/" + id;
  const std::vector<Bad> bad = {
      {"POST", "/api/v1/actions", with("kind", absent), "kind"},
      {"POST", "/api/v1/actions", with("kind", "picnic"), "kind"},
      {"POST", "/api/v1/actions", with("kind", 3), "kind"},
      {"POST", "/api/v1/actions", with("subtype", "lawsuit"), "subtype"},  // a legal_action subtype
      {"POST", "/api/v1/actions", with("subtype", absent), "subtype"},
      {"POST", "/api/v1/actions", with("name", ""), "name"},
      {"POST", "/api/v1/actions", with("name", "   "), "name"},
      {"POST", "/api/v1/actions", with("name", std::string(201, 'n')), "name"},
      {"POST", "/api/v1/actions", with("name", "a\nb"), "name"},
      {"POST", "/api/v1/actions", with("organization", std::string(201, 'o')), "organization"},
      {"POST", "/api/v1/actions", with("jurisdiction", std::string(201, 'j')), "jurisdiction"},
      {"POST", "/api/v1/actions", with("region", "mars"), "region"},
      {"POST", "/api/v1/actions", with("region", absent), "region"},
      {"POST", "/api/v1/actions", with("status", "pending"), "status"},
      {"POST", "/api/v1/actions", with("start_day", "2025-02-30"), "start_day"},
      {"POST", "/api/v1/actions", with("start_day", 20250203), "start_day"},
      {"POST", "/api/v1/actions", with("end_day", "2025-02-02"), "end_day"},  // before start_day
      {"POST", "/api/v1/actions", with("colour", "red"), "colour"},
      {"POST", "/api/v1/actions", R"(["kind"])", ""},
      {"PATCH", a, R"({"status":"won"})", "revision"},
      {"PATCH", a, R"({"revision":-1})", "revision"},
      {"PATCH", a, R"({"revision":"0"})", "revision"},
      {"PATCH", a, R"({"revision":0,"kind":"legal_action"})", "subtype"},  // union_petition is not legal
      {"PATCH", a, R"({"revision":0,"end_day":"2024-01-01"})", "end_day"},
      {"PATCH", a, R"({"revision":0,"name":null})", "name"},
      {"PATCH", a, R"({"revision":0,"id":"x"})", "id"},
      {"GET", "/api/v1/actions?kind=picnic", "", "kind"},
      {"GET", "/api/v1/actions?status=pending", "", "status"},
      {"GET", "/api/v1/actions?region=mars", "", "region"},
  };
  for (const Bad& each : bad) {
    const HttpResponse response =
        Call(each.method, each.path, "voice", each.body.empty() ? std::nullopt : std::optional<std::string>(each.body));
    EXPECT_EQ(response.status, 400) << each.method << " " << each.body.substr(0, 80);
    const json error = json::parse(response.body, nullptr, false);
    EXPECT_EQ(error["error"].value("field", ""), each.field) << each.body.substr(0, 80);
  }
  EXPECT_EQ(Rows("actions"), 1);
  EXPECT_EQ(Rows("audit_log"), audit);
  EXPECT_EQ(SqlText(service_.database_path(), "SELECT revision || kind FROM actions"), "0protest_campaign");
}

TEST_F(ActionApiTest, LinksShowInTheCaseAndTheAction) {
  const std::string action = Expect(201, "POST", "/api/v1/actions", "admin", kPetition).value("id", "");
  const std::string id = CreateCase("voice", "voice_cloning", "a case");
  const std::string link = "/api/v1/cases/" + id + "/actions/" + action;
  const json linked = Expect(200, "PUT", link, "voice");
  EXPECT_EQ(linked["changed"], true);
  EXPECT_EQ(linked["revision"], 1);
  const json again = Expect(200, "PUT", link, "voice2");  // idempotent
  EXPECT_EQ(again["changed"], false);
  EXPECT_EQ(again["revision"], 1);
  EXPECT_EQ(Rows("case_actions"), 1);

  json view = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  EXPECT_EQ(view["action_ids"], json::array({action}));
  EXPECT_EQ(view["revision"], 1);
  const json& last = view["timeline"].back();
  EXPECT_EQ(last["event"], "case.action.linked");
  EXPECT_EQ(last["detail"], "action=" + action);
  EXPECT_EQ(SqlText(service_.database_path(),
                    "SELECT count(*) FROM audit_log WHERE action = 'case.action.linked' AND object_id = '" + id + "'"),
            "1");

  // The action lists the case for its desk only.
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions/" + action, "voice")["case_ids"], json::array({id}));
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions/" + action, "work")["case_ids"], json::array());
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions/" + action, "partner")["case_ids"], json::array());
  Expect(403, "GET", "/api/v1/actions/" + action, "researcher");

  // Other desks, partners and researchers; a missing action names the field.
  Expect(404, "PUT", link, "work");
  Expect(403, "PUT", link, "partner");
  Expect(403, "DELETE", link, "researcher");
  const json missing = Expect(400, "PUT", "/api/v1/cases/" + id + "/actions/" + std::string(32, 'b'), "voice");
  EXPECT_EQ(missing["error"]["field"], "action");
  EXPECT_EQ(Expect(400, "PUT", "/api/v1/cases/" + id + "/actions/nope", "voice")["error"]["field"], "action");

  const json unlinked = Expect(200, "DELETE", link, "voice");
  EXPECT_EQ(unlinked["changed"], true);
  EXPECT_EQ(unlinked["revision"], 2);
  EXPECT_EQ(Expect(200, "DELETE", link, "voice")["changed"], false);
  view = Expect(200, "GET", "/api/v1/cases/" + id, "voice");
  EXPECT_EQ(view["action_ids"], json::array());
  EXPECT_EQ(view["timeline"].back()["event"], "case.action.unlinked");
  EXPECT_EQ(Rows("case_actions"), 0);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/actions/" + action, "voice")["case_ids"], json::array());
}

}  // namespace
}  // namespace pillarbox::testing
