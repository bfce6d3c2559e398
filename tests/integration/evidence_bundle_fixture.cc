#include "evidence_bundle_fixture.h"

#include "privacy/bytes.h"
#include "report_payloads.h"
#include "support/service_process.h"

namespace pillarbox::testing {

using json = nlohmann::json;
using Headers = std::map<std::string, std::string>;

std::string EvidenceBundleFixture::AddOrganization(const std::string& name) {
  privacy::BoxKeyPair key = privacy::BoxKeyPair::Generate();
  const json created = Expect(201, "POST", "/api/v1/organizations", "admin",
                              json{{"name", name}, {"public_key", privacy::ToHex(key.public_key.bytes)}});
  EXPECT_EQ(created.value("public_key", ""), privacy::ToHex(key.public_key.bytes));
  const std::string id = created.value("id", "");
  keys_.emplace(id, std::move(key));
  return id;
}

void EvidenceBundleFixture::AddPartner(const std::string& role, const std::string& organization_id) {
  const auto response =
      Call("POST", "/api/v1/users", "admin",
           json{{"username", role}, {"role", "partner"}, {"organization_id", organization_id}}.dump());
  ASSERT_EQ(response.status, 201) << response.body;
  tokens_[role] = Login(json::parse(response.body));
}

std::string EvidenceBundleFixture::SubmitWithReceipt(const std::string& prefix) {
  HttpClient client(service_.port());
  const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const HttpResponse submitted = client.PostJson("/api/v1/reports", BuildReport(questionnaire, prefix).dump());
  EXPECT_EQ(submitted.status, 201) << submitted.body;
  return json::parse(submitted.body).value("receipt", "");
}

std::string EvidenceBundleFixture::UploadAsReporter(const std::string& receipt, const std::string& content,
                                                    const std::string& name) {
  HttpClient client(service_.port());
  const HttpResponse session = client.PostJson("/api/v1/reporter/session", json{{"receipt", receipt}}.dump());
  EXPECT_EQ(session.status, 201) << session.body;
  const Headers bearer{{"Authorization", "Bearer " + json::parse(session.body)["token"].get<std::string>()}};
  const HttpResponse begun = client.Request("POST", "/api/v1/reporter/uploads", json{{"size", content.size()}}.dump(),
                                            "application/json", bearer);
  EXPECT_EQ(begun.status, 201) << begun.body;
  const std::string upload = json::parse(begun.body)["upload_id"];
  EXPECT_EQ(client
                .Request("PUT", "/api/v1/reporter/uploads/" + upload + "/chunks/0", content, "application/octet-stream",
                         bearer)
                .status,
            204);
  const HttpResponse finished = client.Request("POST", "/api/v1/reporter/uploads/" + upload + "/finish",
                                               json{{"name", name}}.dump(), "application/json", bearer);
  EXPECT_EQ(finished.status, 201) << finished.body;
  return json::parse(finished.body)["file"]["id"];
}

std::string EvidenceBundleFixture::FindReport(const std::string& prefix, json* answers) {
  const json listed = Expect(200, "GET", "/api/v1/reports?limit=100", "voice");
  for (const auto& item : listed["reports"]) {
    const json report = Expect(200, "GET", "/api/v1/reports/" + item["id"].get<std::string>(), "voice");
    for (const auto& [field, value] : report["answers"].items()) {
      if (value.is_string() && value.get<std::string>().rfind(prefix, 0) == 0) {
        *answers = report["answers"];
        return item["id"];
      }
    }
  }
  ADD_FAILURE() << "no report with " << prefix;
  return "";
}

std::string EvidenceBundleFixture::AddOrganizationWithKeygen(const std::string& name, const std::string& key_path) {
  const CommandResult keygen = RunPillarbox({"bundle", "keygen", "--out", key_path});
  EXPECT_EQ(keygen.exit_code, 0) << keygen.err;
  const std::string public_hex = keygen.out.substr(0, keygen.out.find('\n'));
  const json created =
      Expect(201, "POST", "/api/v1/organizations", "admin", json{{"name", name}, {"public_key", public_hex}});
  const std::string id = created.value("id", "");
  auto key = privacy::LoadOrganizationKeyFile(key_path);
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  if (key.ok()) keys_.emplace(id, std::move(*key));
  return id;
}

HttpResponse EvidenceBundleFixture::Download(const std::string& role, const std::string& bundle_id) {
  return Call("GET", "/api/v1/bundles/" + bundle_id + "/download", role);
}

}  // namespace pillarbox::testing
