// Authorization matrix: every endpoint documented in schema/openapi.yaml x
// every role x a report that belongs to the voice_cloning desk. A documented
// endpoint without a row here fails the test, so a new endpoint cannot ship
// without deciding who may call it. A reporter signed in with a receipt (a
// report of their own, not the matrix report) is exercised on every row too:
// on staff endpoints it gets exactly what an anonymous caller gets, and staff
// tokens are 401 on the reporter's endpoints.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "pow_solver.h"
#include "privacy/bytes.h"
#include "privacy/totp.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

const std::vector<std::string> kRoles = {"anonymous", "admin",   "reviewer_same_desk", "reviewer_other_desk",
                                         "partner",   "researcher"};

struct Row {
  std::string method;
  std::string path;                  // as documented, e.g. /api/v1/reports/{id}
  std::map<std::string, int> expect;  // role -> status
  int reporter = 0;                   // a reporter's session; 0: as anonymous
};

// (method, path) pairs documented in schema/openapi.yaml.
std::set<std::pair<std::string, std::string>> DocumentedEndpoints() {
  std::ifstream spec(std::string(PILLARBOX_SOURCE_DIR) + "/schema/openapi.yaml");
  std::set<std::pair<std::string, std::string>> endpoints;
  const std::regex path_line("^  (/[^:]*):\\s*$");
  const std::regex method_line("^    (get|post|put|patch|delete):\\s*$");
  std::string line, path;
  std::smatch match;
  while (std::getline(spec, line)) {
    if (std::regex_match(line, match, path_line)) path = match[1];
    if (!path.empty() && std::regex_match(line, match, method_line)) endpoints.insert({match[1], path});
    if (line.rfind("components:", 0) == 0) break;
  }
  return endpoints;
}

// A valid statistics query: group_by=kind over the twelve complete months
// before the current one.
std::string StatsQuery() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int current = (utc.tm_year + 1900) * 12 + utc.tm_mon;
  const auto month = [](int index) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
    return std::string(text);
  };
  return "?group_by=kind&from=" + month(current - 12) + "&to=" + month(current - 1);
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Proof-of-work on (cheap: 4 bits), so GET /api/v1/pow is served; every
    // POST below carries a solved X-Pillarbox-Pow (routes that do not ask
    // for one ignore it).
    ASSERT_TRUE(service_.Start({"--pow-bits", "4"})) << service_.ServerLog();
    const auto admin = nlohmann::json::parse(service_.init_output())["admin"];
    tokens_["admin"] = Login(admin);
    tokens_["reviewer_same_desk"] = Login(CreateUser("rev-voice", "reviewer", {"voice_cloning"}));
    tokens_["reviewer_other_desk"] = Login(CreateUser("rev-work", "reviewer", {"workplace_ai_harm"}));
    // The partner belongs to organization B; the matrix bundle is shared with A.
    other_organization_id_ = CreateOrganization("matrix org b");
    organization_id_ = CreateOrganization("matrix org a");
    tokens_["partner"] = Login(CreateUser("union-partner", "partner", {}, other_organization_id_));
    tokens_["researcher"] = Login(CreateUser("researcher", "researcher", {}));
    const auto target = CreateUser("to-be-disabled", "reviewer", {"voice_cloning"});
    target_user_id_ = target["id"];
    target_token_ = Login(target);
    joiner_user_id_ = CreateUser("desk-joiner", "reviewer", {})["id"];
    HttpClient client(service_.port());
    const auto questionnaire = nlohmann::json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    report_body_ = BuildReport(questionnaire, "MATRIX").dump();
    const auto matrix_report = Call("POST", "/api/v1/reports", "anonymous", report_body_);
    ASSERT_EQ(matrix_report.status, 201);
    const auto listed = Call("GET", "/api/v1/reports", "admin");
    report_id_ = nlohmann::json::parse(listed.body)["reports"][0]["id"];
    file_id_ = AttachEvidence(nlohmann::json::parse(matrix_report.body)["receipt"]);
    const auto submitted = Call("POST", "/api/v1/reports", "anonymous", BuildReport(questionnaire, "OWNREPORT").dump());
    ASSERT_EQ(submitted.status, 201);
    reporter_receipt_ = nlohmann::json::parse(submitted.body)["receipt"];
    tokens_["reporter"] = ReporterToken();
    tag_id_ = CreateTag("matrix-tag");
    case_id_ = CreateCase();
    action_id_ = CreateAction();
    bundle_id_ = CreateBundle();
  }

  // A registered organization (the admin's; the key is any valid public key); its id.
  std::string CreateOrganization(const std::string& name) {
    const auto response = Call("POST", "/api/v1/organizations", "admin", OrganizationBody(name));
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("id", "");
  }

  static std::string OrganizationBody(const std::string& name) {
    return nlohmann::json{{"name", name}, {"public_key", privacy::ToHex(privacy::BoxKeyPair::Generate().public_key.bytes)}}
        .dump();
  }

  // The matrix case shared with organization A (by the admin); the bundle id.
  std::string CreateBundle() {
    const auto response = Call("POST", "/api/v1/cases/" + case_id_ + "/bundles", "admin", BundleBody());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("id", "");
  }

  std::string BundleBody() const {
    return nlohmann::json{{"organization_id", organization_id_}, {"evidence_file_ids", nlohmann::json::array()}}.dump();
  }

  // A whole-field redaction of the matrix report (by the admin); its id.
  std::string CreateRedaction() {
    const auto response =
        Call("POST", "/api/v1/reports/" + report_id_ + "/redactions", "admin", R"({"field":"narrative","reason":"safety"})");
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("id", "");
  }

  // A valid new action.
  static std::string ActionBody() {
    return R"({"kind":"legal_action","subtype":"class_action","name":"matrix action","region":"europe"})";
  }

  // A new action (created by the admin); its id.
  std::string CreateAction() {
    const auto response = Call("POST", "/api/v1/actions", "admin", ActionBody());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("id", "");
  }

  // A new tag (created by the admin); its id.
  std::string CreateTag(const std::string& name) {
    const auto response = Call("POST", "/api/v1/tags", "admin", nlohmann::json{{"name", name}}.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("id", "");
  }

  // A case of the voice_cloning desk, created by the admin.
  std::string CreateCase() {
    const auto response =
        Call("POST", "/api/v1/cases", "admin", R"({"desk":"voice_cloning","title":"matrix case"})");
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("id", "");
  }

  // The body of a case request that would succeed for a member of the desk.
  std::optional<std::string> CaseBody(const Row& row, const std::string& path) {
    if (row.path == "/api/v1/cases" && row.method == "post") return R"({"desk":"voice_cloning","title":"matrix case"})";
    if (row.path == "/api/v1/cases/{id}" && row.method == "patch") {
      const auto current = nlohmann::json::parse(Call("GET", path, "admin").body);
      return nlohmann::json{{"revision", current["revision"]}, {"status", "open"}}.dump();
    }
    if (row.path == "/api/v1/cases/{id}/reports" && row.method == "post") {
      return nlohmann::json{{"report_id", report_id_}}.dump();
    }
    if (row.path == "/api/v1/cases/{id}/notes" && row.method == "post") return R"({"body":"matrix note"})";
    if (row.path == "/api/v1/cases/{id}/merge") return nlohmann::json{{"into", CreateCase()}}.dump();
    if (row.path == "/api/v1/cases/{id}/legal-hold") return R"({"held":false})";
    if (row.path == "/api/v1/actions" && row.method == "post") return ActionBody();
    if (row.path == "/api/v1/actions/{id}" && row.method == "patch") {
      const auto current = nlohmann::json::parse(Call("GET", path, "admin").body);
      return nlohmann::json{{"revision", current["revision"]}, {"status", "active"}}.dump();
    }
    return std::nullopt;
  }

  // A new reporter session for reporter_receipt_ (or `receipt`).
  std::string ReporterToken(const std::string& receipt = "") {
    const auto response = Call("POST", "/api/v1/reporter/session", "anonymous",
                               nlohmann::json{{"receipt", receipt.empty() ? reporter_receipt_ : receipt}}.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body, nullptr, false).value("token", "");
  }

  // A new upload of kEvidence.size() bytes by `caller` (a reporter); its id.
  std::string BeginUpload(const std::string& caller) {
    const auto begun = Call("POST", "/api/v1/reporter/uploads", caller,
                            nlohmann::json{{"size", std::string(kEvidence).size()}}.dump());
    EXPECT_EQ(begun.status, 201) << begun.body;
    return nlohmann::json::parse(begun.body, nullptr, false).value("upload_id", "");
  }

  HttpResponse PutChunk(const std::string& caller, const std::string& upload_id) {
    HttpClient client(service_.port());
    std::map<std::string, std::string> headers;
    if (tokens_.count(caller) != 0) headers["Authorization"] = "Bearer " + tokens_[caller];
    return client.Request("PUT", "/api/v1/reporter/uploads/" + upload_id + "/chunks/0", std::string(kEvidence),
                          "application/octet-stream", headers);
  }

  // Attaches kEvidence to the report of `receipt` as its reporter; the file's id.
  std::string AttachEvidence(const std::string& receipt) {
    tokens_["matrix_reporter"] = ReporterToken(receipt);
    const std::string upload_id = BeginUpload("matrix_reporter");
    EXPECT_EQ(PutChunk("matrix_reporter", upload_id).status, 204);
    const auto finished = Call("POST", "/api/v1/reporter/uploads/" + upload_id + "/finish", "matrix_reporter",
                               R"({"name":"matrix evidence.txt"})");
    EXPECT_EQ(finished.status, 201) << finished.body;
    return nlohmann::json::parse(finished.body, nullptr, false)["file"].value("id", "");
  }

  // The evidence rows: a reporter's upload goes through begin, chunk and
  // finish (the chunk row opens the upload the finish row closes).
  std::optional<HttpResponse> ExerciseUpload(const Row& row, const std::string& role) {
    const std::string unknown_upload(32, 'e');
    if (row.path == "/api/v1/reporter/uploads") {
      return Call("POST", row.path, role, nlohmann::json{{"size", std::string(kEvidence).size()}}.dump());
    }
    if (row.path == "/api/v1/reporter/uploads/{upload_id}/chunks/{index}") {
      if (role != "reporter") return PutChunk(role, unknown_upload);
      upload_id_ = BeginUpload(role);
      return PutChunk(role, upload_id_);
    }
    if (row.path == "/api/v1/reporter/uploads/{upload_id}/finish") {
      const std::string id = role == "reporter" ? upload_id_ : unknown_upload;
      return Call("POST", "/api/v1/reporter/uploads/" + id + "/finish", role, R"({"name":"evidence.txt"})");
    }
    return std::nullopt;
  }

  std::string Login(const nlohmann::json& credentials) {
    return SignInStaff(service_.port(), credentials);
  }

  nlohmann::json CreateUser(const std::string& name, const std::string& role, const std::vector<std::string>& desks,
                            const std::string& organization_id = "") {
    nlohmann::json body{{"username", name}, {"role", role}, {"desks", desks}};
    if (!organization_id.empty()) body["organization_id"] = organization_id;
    const auto response = Call("POST", "/api/v1/users", "admin", body.dump());
    EXPECT_EQ(response.status, 201) << response.body;
    return nlohmann::json::parse(response.body);
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& role,
                    const std::optional<std::string>& body = std::nullopt) {
    HttpClient client(service_.port());
    std::map<std::string, std::string> headers;
    if (tokens_.count(role) != 0) headers["Authorization"] = "Bearer " + tokens_[role];
    if (method == "POST") headers["X-Pillarbox-Pow"] = FetchAndSolve(client);
    return client.Request(method, path, body, body ? "application/json" : "", headers);
  }

  // The concrete request for a documented endpoint.
  HttpResponse Exercise(const Row& row, const std::string& role) {
    std::string id = row.path.rfind("/api/v1/users/", 0) == 0 ? target_user_id_ : report_id_;
    if (row.path.rfind("/api/v1/desks/", 0) == 0) id = "voice_cloning";
    if (row.path == "/api/v1/tags/{id}") id = tag_id_;
    if (row.path == "/api/v1/tags/{id}/merge") id = CreateTag("merged-away-by-" + role);  // merging deletes it
    if (row.path.rfind("/api/v1/cases/", 0) == 0) id = row.path == "/api/v1/cases/{id}/merge" ? CreateCase() : case_id_;
    if (row.path.rfind("/api/v1/actions/", 0) == 0) id = action_id_;
    if (row.path.rfind("/api/v1/bundles/", 0) == 0) id = bundle_id_;
    std::string path = std::regex_replace(row.path, std::regex("\\{id\\}"), id);
    path = std::regex_replace(path, std::regex("\\{user_id\\}"), joiner_user_id_);
    path = std::regex_replace(path, std::regex("\\{kind\\}"), "voice_cloning");
    path = std::regex_replace(path, std::regex("\\{tag_id\\}"), tag_id_);
    path = std::regex_replace(path, std::regex("\\{pillar\\}"), "labor");
    path = std::regex_replace(path, std::regex("\\{report_id\\}"), report_id_);
    path = std::regex_replace(path, std::regex("\\{action_id\\}"), action_id_);
    path = std::regex_replace(path, std::regex("\\{by\\}"), "organization");
    path = std::regex_replace(path, std::regex("\\{key\\}"), std::string(64, 'a'));
    path = std::regex_replace(path, std::regex("\\{file_id\\}"), file_id_);
    if (row.path.find("{redaction_id}") != std::string::npos) {
      path = std::regex_replace(path, std::regex("\\{redaction_id\\}"), CreateRedaction());  // one per call
    }
    if (auto upload = ExerciseUpload(row, role)) return *upload;
    if (row.path == "/api/v1/aggregates/groups") path += "?by=organization&min=1";
    if (row.path == "/api/v1/aggregates/pillars") path += "?from=2020-01&to=2039-12";
    if (row.path == "/api/v1/stats" || row.path == "/api/v1/stats.csv") path += StatsQuery();
    std::optional<std::string> body = CaseBody(row, path);
    if (row.path == "/api/v1/tags" && row.method == "post") body = nlohmann::json{{"name", "made-by-" + role}}.dump();
    if (row.path == "/api/v1/tags/{id}") body = nlohmann::json{{"name", "renamed-by-" + role}}.dump();
    if (row.path == "/api/v1/tags/{id}/merge") body = nlohmann::json{{"into", tag_id_}}.dump();
    if (row.path == "/api/v1/organizations" && row.method == "post") body = OrganizationBody("made by " + role);
    if (row.path == "/api/v1/reports/{id}/redactions" && row.method == "post") {
      body = R"({"field":"narrative","reason":"personal_data","span":{"start":0,"end":6}})";
    }
    if (row.path == "/api/v1/cases/{id}/bundles") body = BundleBody();
    const bool writes_text = row.path == "/api/v1/reports/{id}/notes" || row.path == "/api/v1/reports/{id}/messages";
    if (row.method == "post" && writes_text) {
      body = nlohmann::json{{"body", "written by " + role}}.dump();
    }
    if (row.path == "/api/v1/reports" && row.method == "post") body = report_body_;
    if (row.path == "/api/v1/auth/login") body = R"({"username":"admin","password":"wrong-password-x","totp":"000000"})";
    if (row.path == "/api/v1/auth/logout") body = "";
    if (row.path == "/api/v1/auth/password") body = R"({"current_password":"x"})";  // no new password: 400
    if (row.path == "/api/v1/reports/{id}/status") {
      // A legal move whatever the report's current status: close it, or reopen it.
      const auto report = CurrentReport();
      body = report["status"] == "closed"
                 ? nlohmann::json{{"status", "in_review"}, {"revision", report["revision"]}}.dump()
                 : nlohmann::json{{"status", "closed"}, {"reason", "duplicate"}, {"revision", report["revision"]}}.dump();
    }
    if (row.path == "/api/v1/reports/{id}/assignee") {
      body = nlohmann::json{{"assignee", nullptr}, {"revision", CurrentReport()["revision"]}}.dump();
    }
    if (row.path == "/api/v1/settings/deadlines" && row.method == "put") {
      body = R"({"acknowledge_days":7,"feedback_days":90})";
    }
    if (row.path == "/api/v1/settings/retention" && row.method == "put") body = R"({"delete_bundles_after_days":30})";
    if (row.path == "/api/v1/users" && row.method == "post") {
      body = nlohmann::json{{"username", "made-by-" + role}, {"role", "researcher"}, {"desks", nlohmann::json::array()}}
                 .dump();
    }
    if (row.path == "/api/v1/desks/{id}/members") body = nlohmann::json{{"user_id", joiner_user_id_}}.dump();
    if (row.path == "/api/v1/desks/{id}/key-rotation" && row.method == "post") body = "{}";  // resume only
    if (row.path == "/api/v1/reporter/session") body = R"({"receipt":"0000-0000-0000-0000-0000-0000"})";
    if (row.path == "/api/v1/reporter/messages") body = nlohmann::json{{"body", "reply by " + role}}.dump();
    if (row.path == "/api/v1/reporter/logout") body = "";
    std::string caller = role;
    if (role == "reporter" && row.path == "/api/v1/reporter/logout") {
      tokens_["spare_reporter"] = ReporterToken();  // keeps the main session for the rows after
      caller = "spare_reporter";
    }
    return Call(Upper(row.method), path, caller, body);
  }

  // The voice_cloning report as the admin's queue shows it.
  nlohmann::json CurrentReport() {
    const auto listed = nlohmann::json::parse(Call("GET", "/api/v1/reports?limit=100", "admin").body);
    for (const auto& report : listed["reports"]) {
      if (report["id"] == report_id_) return report;
    }
    ADD_FAILURE() << "the report is not listed";
    return nlohmann::json::object();
  }

  ServiceProcess service_;
  std::map<std::string, std::string> tokens_;
  std::string report_body_;
  std::string report_id_;
  std::string target_user_id_;
  std::string target_token_;
  std::string joiner_user_id_;  // a reviewer in no desk: added to voice_cloning, then removed
  std::string case_id_;
  std::string tag_id_;
  std::string action_id_;
  std::string reporter_receipt_;  // of the reporter's own report (not report_id_)
  std::string file_id_;           // an evidence file of report_id_
  std::string organization_id_;        // organization A: the matrix bundle's recipient
  std::string other_organization_id_;  // organization B: the matrix partner's
  std::string bundle_id_;              // the matrix case shared with A
  std::string upload_id_;         // the reporter's upload between the chunk and finish rows
  static constexpr char kEvidence[] = "evidence for the authorization matrix\n";
};

std::map<std::string, int> Expect(int anonymous, int admin, int same_desk, int other_desk, int partner,
                                  int researcher) {
  return {{"anonymous", anonymous}, {"admin", admin},     {"reviewer_same_desk", same_desk},
          {"reviewer_other_desk", other_desk}, {"partner", partner}, {"researcher", researcher}};
}

TEST_F(AuthorizationMatrixTest, EveryEndpointTimesEveryRole) {
  const std::vector<Row> rows = {
      {"get", "/healthz", Expect(200, 200, 200, 200, 200, 200)},
      {"get", "/metrics", Expect(200, 200, 200, 200, 200, 200)},
      {"get", "/api/v1/taxonomy", Expect(200, 200, 200, 200, 200, 200)},
      {"get", "/api/v1/questionnaires/{kind}", Expect(200, 200, 200, 200, 200, 200)},
      {"post", "/api/v1/reports", Expect(201, 201, 201, 201, 201, 201)},
      {"get", "/api/v1/pow", Expect(200, 200, 200, 200, 200, 200)},  // public; 404 when the server runs without --pow-bits
      {"post", "/api/v1/auth/login", Expect(401, 401, 401, 401, 401, 401)},
      {"post", "/api/v1/auth/password", Expect(401, 400, 400, 400, 400, 400)},
      {"get", "/api/v1/auth/session", Expect(401, 200, 200, 200, 200, 200)},
      {"get", "/api/v1/reports", Expect(401, 200, 200, 200, 403, 403)},
      {"get", "/api/v1/reports/{id}", Expect(401, 200, 200, 404, 403, 403)},
      {"put", "/api/v1/reports/{id}/tags/{tag_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/reports/{id}/tags/{tag_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"put", "/api/v1/reports/{id}/pillars/{pillar}", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/reports/{id}/pillars/{pillar}", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/reports/{id}/notes", Expect(401, 201, 201, 404, 403, 403)},
      {"get", "/api/v1/reports/{id}/notes", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/reports/{id}/messages", Expect(401, 201, 201, 404, 403, 403)},
      {"get", "/api/v1/reports/{id}/messages", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/tags", Expect(401, 201, 201, 201, 403, 403)},
      {"get", "/api/v1/tags", Expect(401, 200, 200, 200, 403, 403)},
      {"patch", "/api/v1/tags/{id}", Expect(401, 200, 200, 200, 403, 403)},
      {"post", "/api/v1/tags/{id}/merge", Expect(401, 200, 200, 200, 403, 403)},
      {"get", "/api/v1/reports/counts", Expect(401, 200, 200, 200, 403, 403)},
      {"get", "/api/v1/reports/{id}/related", Expect(401, 200, 200, 404, 403, 403)},
      {"get", "/api/v1/aggregates/groups", Expect(401, 200, 200, 200, 403, 403)},
      {"get", "/api/v1/aggregates/groups/{by}/{key}/reports", Expect(401, 200, 200, 200, 403, 403)},
      {"get", "/api/v1/aggregates/pillars", Expect(401, 200, 200, 200, 403, 403)},
      {"get", "/api/v1/stats", Expect(401, 403, 403, 403, 403, 200)},
      {"get", "/api/v1/stats.csv", Expect(401, 403, 403, 403, 403, 200)},
      {"post", "/api/v1/reports/{id}/status", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/reports/{id}/assignee", Expect(401, 200, 200, 404, 403, 403)},
      {"get", "/api/v1/settings/deadlines", Expect(401, 200, 200, 200, 403, 403)},
      {"put", "/api/v1/settings/deadlines", Expect(401, 200, 403, 403, 403, 403)},
      {"get", "/api/v1/settings/retention", Expect(401, 200, 200, 200, 403, 403)},
      {"put", "/api/v1/settings/retention", Expect(401, 200, 403, 403, 403, 403)},
      {"post", "/api/v1/users", Expect(401, 201, 403, 403, 403, 403)},
      {"get", "/api/v1/users", Expect(401, 200, 403, 403, 403, 403)},
      {"get", "/api/v1/audit", Expect(401, 200, 403, 403, 403, 403)},
      {"get", "/api/v1/audit/verification", Expect(401, 200, 403, 403, 403, 403)},
      {"get", "/api/v1/desks", Expect(401, 200, 403, 403, 403, 403)},
      {"post", "/api/v1/desks/{id}/members", Expect(401, 201, 403, 403, 403, 403)},
      {"delete", "/api/v1/desks/{id}/members/{user_id}", Expect(401, 200, 403, 403, 403, 403)},  // after the add
      {"get", "/api/v1/desks/{id}/key-rotation", Expect(401, 200, 403, 403, 403, 403)},
      {"post", "/api/v1/desks/{id}/key-rotation", Expect(401, 202, 403, 403, 403, 403)},  // {}: resumes, rotates nothing
      {"post", "/api/v1/users/{id}/disable", Expect(401, 200, 403, 403, 403, 403)},
      {"get", "/api/v1/cases", Expect(401, 200, 200, 200, 403, 403)},
      {"post", "/api/v1/cases", Expect(401, 201, 201, 400, 403, 403)},  // other desk: not a member ("desk")
      {"get", "/api/v1/cases/{id}", Expect(401, 200, 200, 404, 403, 403)},
      {"patch", "/api/v1/cases/{id}", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/cases/{id}/reports", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/cases/{id}/reports/{report_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"put", "/api/v1/cases/{id}/tags/{tag_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/cases/{id}/tags/{tag_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"put", "/api/v1/cases/{id}/pillars/{pillar}", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/cases/{id}/pillars/{pillar}", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/cases/{id}/notes", Expect(401, 201, 201, 404, 403, 403)},
      {"get", "/api/v1/cases/{id}/notes", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/cases/{id}/merge", Expect(401, 200, 200, 404, 403, 403)},  // a fresh pair per call
      {"put", "/api/v1/cases/{id}/legal-hold", Expect(401, 200, 200, 404, 403, 403)},
      {"put", "/api/v1/cases/{id}/actions/{action_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/cases/{id}/actions/{action_id}", Expect(401, 200, 200, 404, 403, 403)},
      // The catalogue is shared by every desk; partners read it, researchers do not.
      {"get", "/api/v1/actions", Expect(401, 200, 200, 200, 200, 403)},
      {"post", "/api/v1/actions", Expect(401, 201, 201, 201, 403, 403)},
      {"get", "/api/v1/actions/{id}", Expect(401, 200, 200, 200, 200, 403)},
      {"patch", "/api/v1/actions/{id}", Expect(401, 200, 200, 200, 403, 403)},
      // Evidence bundles: admins register organizations, staff list them; reviewers of the desk
      // redact and share; a partner downloads only its organization's bundles
      // (the matrix partner is of another organization: 404 like a missing
      // one); staff never download (403).
      {"post", "/api/v1/organizations", Expect(401, 201, 403, 403, 403, 403)},
      {"get", "/api/v1/organizations", Expect(401, 200, 200, 200, 403, 403)},  // reviewers: id and name
      {"post", "/api/v1/reports/{id}/redactions", Expect(401, 201, 201, 404, 403, 403)},
      {"get", "/api/v1/reports/{id}/redactions", Expect(401, 200, 200, 404, 403, 403)},
      {"delete", "/api/v1/reports/{id}/redactions/{redaction_id}", Expect(401, 204, 204, 404, 403, 403)},
      {"post", "/api/v1/cases/{id}/bundles", Expect(401, 201, 201, 404, 403, 403)},
      {"get", "/api/v1/bundles", Expect(401, 200, 200, 200, 200, 403)},
      {"get", "/api/v1/bundles/{id}/download", Expect(401, 403, 403, 403, 404, 403)},
      // The reporter's follow-up: a staff token is not a reporter session. A
      // wrong receipt is 401 for everyone; the last row deletes the reporter's report.
      // Evidence files: reviewers of the desk read them; only a reporter uploads (to their own report).
      {"get", "/api/v1/reports/{id}/files", Expect(401, 200, 200, 404, 403, 403)},
      {"get", "/api/v1/reports/{id}/files/{file_id}", Expect(401, 200, 200, 404, 403, 403)},
      {"post", "/api/v1/reporter/uploads", Expect(401, 401, 401, 401, 401, 401), 201},
      {"put", "/api/v1/reporter/uploads/{upload_id}/chunks/{index}", Expect(401, 401, 401, 401, 401, 401), 204},
      {"post", "/api/v1/reporter/uploads/{upload_id}/finish", Expect(401, 401, 401, 401, 401, 401), 201},
      {"get", "/api/v1/reporter/files", Expect(401, 401, 401, 401, 401, 401), 200},
      {"post", "/api/v1/reporter/session", Expect(401, 401, 401, 401, 401, 401), 401},
      {"get", "/api/v1/reporter/report", Expect(401, 401, 401, 401, 401, 401), 200},
      {"post", "/api/v1/reporter/messages", Expect(401, 401, 401, 401, 401, 401), 201},
      {"post", "/api/v1/reporter/logout", Expect(401, 401, 401, 401, 401, 401), 204},  // a spare session
      {"delete", "/api/v1/reporter/report", Expect(401, 401, 401, 401, 401, 401), 204},
      {"post", "/api/v1/auth/logout", Expect(401, 204, 204, 204, 204, 204)},  // last: it ends the sessions
  };
  std::set<std::pair<std::string, std::string>> covered;
  for (const Row& row : rows) covered.insert({row.method, row.path});
  EXPECT_EQ(covered, DocumentedEndpoints()) << "every documented endpoint needs a row, and every row a document";

  for (const Row& row : rows) {
    for (const std::string& role : kRoles) {
      const HttpResponse response = Exercise(row, role);
      EXPECT_EQ(response.status, row.expect.at(role)) << row.method << " " << row.path << " as " << role << ": "
                                                      << response.body;
      if (response.status == 200 && row.path == "/api/v1/reports/{id}") {
        EXPECT_NE(response.body.find("MATRIX-narrative-"), std::string::npos) << role;
      } else {
        EXPECT_EQ(response.body.find("MATRIX-"), std::string::npos) << role << " got report content";
      }
      if (row.path == "/api/v1/reports" && row.method == "get" && response.status == 200) {
        const bool listed = response.body.find(report_id_) != std::string::npos;
        EXPECT_EQ(listed, role != "reviewer_other_desk") << role;
      }
      if (response.status < 300) {
        EXPECT_EQ(response.body.find("OWNREPORT-"), std::string::npos) << role << " got the reporter's report";
      }
    }
    const HttpResponse as_reporter = Exercise(row, "reporter");
    EXPECT_EQ(as_reporter.status, row.reporter != 0 ? row.reporter : row.expect.at("anonymous"))
        << row.method << " " << row.path << " as a reporter: " << as_reporter.body;
    EXPECT_EQ(as_reporter.body.find("MATRIX-"), std::string::npos) << "a reporter got the matrix report's content";
    if (row.path == "/api/v1/reporter/report" && row.method == "get") {
      EXPECT_NE(as_reporter.body.find("OWNREPORT-narrative-"), std::string::npos) << "the reporter's own report";
    }
  }
  // The matrix runs with proof-of-work on: a report without it is refused.
  HttpClient client(service_.port());
  EXPECT_EQ(client.PostJson("/api/v1/reports", report_body_).status, 400);
  // The disabled account's session ended with it.
  EXPECT_EQ(client.Request("GET", "/api/v1/reports", std::nullopt, "",
                           {{"Authorization", "Bearer " + target_token_}})
                .status,
            401);
  // The reporter's report was deleted: its session ended, its receipt is unknown.
  EXPECT_EQ(Call("GET", "/api/v1/reporter/report", "reporter").status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/reporter/session", "anonymous",
                 nlohmann::json{{"receipt", reporter_receipt_}}.dump())
                .status,
            401);
  // After logout every token is dead.
  for (const std::string& role : kRoles) {
    if (role != "anonymous") {
      EXPECT_EQ(Call("GET", "/api/v1/reports", role).status, 401) << role;
    }
  }
}

}  // namespace
}  // namespace pillarbox::testing
