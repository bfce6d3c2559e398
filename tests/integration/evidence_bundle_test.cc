// Evidence bundles against the real binary: an admin registers two partner
// organizations (key pairs made here; only the public keys reach the
// service) and a partner account of each; a reviewer redacts a canary span
// of a report's answer and shares a case of two reports (one with a JPEG)
// with organization A. Partner A downloads the bundle; it verifies with A's
// secret key and carries the redacted answers, the JPEG and the chain of
// custody; one flipped byte makes verification fail naming the part;
// partner B gets 404 exactly like a missing bundle; the canary is in no
// decrypted entry and not in the downloaded bytes; the audit log verifies.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundles/bundle_format.h"
#include "evidence_bundle_fixture.h"
#include "privacy/bytes.h"
#include "privacy/organization_key.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/jpeg_fixture.h"
#include "support/temp_dir.h"

namespace pillarbox::testing {
namespace {

using json = nlohmann::json;
using Headers = std::map<std::string, std::string>;

constexpr char kPrefix[] = "BNDLCANARY";

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class EvidenceBundleTest : public EvidenceBundleFixture {};

TEST_F(EvidenceBundleTest, RoundTripVerifiesRedactsAndReachesOnlyTheOrganization) {
  TempDir work;
  const std::string org_key = work.File("union.key");
  const std::string org_a = AddOrganizationWithKeygen("Voice Actors Union", org_key);
  const std::string org_b = AddOrganization("Other Legal Clinic");
  AddPartner("partner-a", org_a);
  AddPartner("partner-b", org_b);
  // The account route validates the organization.
  EXPECT_EQ(Expect(400, "POST", "/api/v1/users", "admin",
                   json{{"username", "rev-org"}, {"role", "reviewer"}, {"organization_id", org_a}})["error"]["field"],
            "organization_id");
  EXPECT_EQ(Expect(400, "POST", "/api/v1/users", "admin",
                   json{{"username", "partner-x"}, {"role", "partner"}, {"organization_id", std::string(32, 'e')}})
                ["error"]["field"],
            "organization_id");

  const std::string first_prefix = std::string(kPrefix) + "ONE";
  const std::string receipt = SubmitWithReceipt(first_prefix);
  SubmitWithReceipt(std::string(kPrefix) + "TWO");
  const std::vector<uint8_t> jpeg = JpegWithGpsExif("SERIAL-BUNDLE-1", 64, 64);
  const std::string file_id = UploadAsReporter(receipt, std::string(jpeg.begin(), jpeg.end()), "photo.jpg");
  json first_answers;
  const std::string first = FindReport(first_prefix, &first_answers);
  json second_answers;
  const std::string second = FindReport(std::string(kPrefix) + "TWO", &second_answers);

  // Redact the canary at the start of one text answer of the first report.
  std::string field, canary;
  for (const auto& [name, value] : first_answers.items()) {
    if (value.is_string() && value.get<std::string>().rfind(first_prefix, 0) == 0) {
      field = name;
      canary = first_prefix + "-" + name + "-";
      break;
    }
  }
  ASSERT_FALSE(field.empty());
  const json redaction =
      Expect(201, "POST", "/api/v1/reports/" + first + "/redactions", "voice",
             json{{"field", field}, {"reason", "personal_data"}, {"span", {{"start", 0}, {"end", canary.size()}}}});
  EXPECT_EQ(redaction["span"]["end"], canary.size());
  EXPECT_EQ(Expect(400, "POST", "/api/v1/reports/" + first + "/redactions", "voice",
                   json{{"field", field}, {"reason", "personal_data"}, {"span", {{"start", 0}, {"end", 100000}}}})
                ["error"]["field"],
            "span");
  EXPECT_EQ(Expect(200, "GET", "/api/v1/reports/" + first + "/redactions", "voice")["redactions"].size(), 1u);
  Expect(404, "GET", "/api/v1/reports/" + first + "/redactions", "work");

  const std::string case_id = CreateCase("voice", "voice_cloning", "Cloned voices in call centres");
  Expect(200, "POST", "/api/v1/cases/" + case_id + "/reports", "voice", json{{"report_id", first}});
  Expect(200, "POST", "/api/v1/cases/" + case_id + "/reports", "voice", json{{"report_id", second}});
  Expect(200, "PUT", "/api/v1/cases/" + case_id + "/pillars/labor", "voice");

  const json bundle = Expect(201, "POST", "/api/v1/cases/" + case_id + "/bundles", "voice",
                             json{{"organization_id", org_a}, {"evidence_file_ids", {file_id}}});
  const std::string bundle_id = bundle.value("id", "");
  ASSERT_EQ(bundle_id.size(), 32u) << bundle.dump();
  EXPECT_EQ(bundle["state"], "ready");
  EXPECT_EQ(Expect(200, "GET", "/api/v1/bundles", "partner-a")["bundles"].size(), 1u);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/bundles", "partner-b")["bundles"].size(), 0u);
  EXPECT_EQ(Expect(200, "GET", "/api/v1/bundles", "voice")["bundles"].size(), 1u);
  EXPECT_FALSE(Expect(200, "GET", "/api/v1/bundles", "partner-a")["bundles"][0].contains("case_id"));

  // Partner B: the same 404 as a bundle that does not exist.
  const HttpResponse other = Download("partner-b", bundle_id);
  const HttpResponse missing = Download("partner-b", std::string(32, '0'));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(other.body, missing.body);
  EXPECT_EQ(Download("voice", bundle_id).status, 403);
  EXPECT_EQ(Download("anonymous", bundle_id).status, 401);

  const HttpResponse downloaded = Download("partner-a", bundle_id);
  ASSERT_EQ(downloaded.status, 200) << downloaded.body;
  EXPECT_NE(downloaded.headers.at("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(static_cast<int64_t>(downloaded.body.size()), bundle["size"].get<int64_t>());
  EXPECT_EQ(downloaded.body.find(canary), std::string::npos);

  std::map<std::string, std::string> entries;
  const auto check = bundles::CheckBundle(downloaded.body, keys_.at(org_a).secret_key, std::nullopt,
                                          [&entries](const bundles::ManifestEntry& entry, std::string_view content) {
                                            entries[entry.path] = std::string(content);
                                          });
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_TRUE(check->intact()) << check->problems.front();
  EXPECT_EQ(check->header.bundle_id, bundle_id);
  EXPECT_EQ(check->header.organization_id, org_a);
  for (const char* path : {"case.json", "pillars.json", "actions.json", "custody.json", "reports/1/answers.json",
                           "reports/2/answers.json"}) {
    EXPECT_EQ(entries.count(path), 1u) << path;
  }
  for (const auto& [path, content] : entries) {
    EXPECT_EQ(content.find(canary), std::string::npos) << path;
    EXPECT_EQ(content.find(first), std::string::npos) << path << " holds an internal report id";
    EXPECT_EQ(content.find(case_id), std::string::npos) << path << " holds the internal case id";
  }
  // Both reports arrived the same day, so their order (day, then id) is not
  // known here: the first report is the one carrying the file.
  json answers;
  for (const char* path : {"reports/1/answers.json", "reports/2/answers.json"}) {
    const json candidate = json::parse(entries.at(path));
    if (!candidate["files"].empty()) answers = candidate;
  }
  ASSERT_EQ(answers["files"].size(), 1u);
  const std::string file_path = answers["files"][0];
  EXPECT_EQ(file_path, "reports/" + std::to_string(answers["report"].get<int>()) + "/files/1.jpg");
  // The redacted answer shows the marker and keeps the rest of the text.
  bool marked = false;
  for (const auto& answer : answers["answers"]) {
    if (answer["field"] == field) {
      marked = true;
      EXPECT_EQ(answer["value"], "[redacted]" + first_answers[field].get<std::string>().substr(canary.size()));
    }
  }
  EXPECT_TRUE(marked);
  // The JPEG as the reviewer path serves it (metadata already stripped at upload).
  const HttpResponse reviewer_copy = Call("GET", "/api/v1/reports/" + first + "/files/" + file_id, "voice");
  ASSERT_EQ(reviewer_copy.status, 200);
  EXPECT_EQ(entries.at(file_path), reviewer_copy.body);
  const json custody = json::parse(entries.at("custody.json"));
  EXPECT_GE(custody["entries"].size(), 4u);
  EXPECT_EQ(custody["head"]["tag"].get<std::string>().size(), 64u);

  // The partner's offline tools: verify (pinned to the instance's signing
  // key) and open.
  const std::string bundle_path = work.File("case.pbx");
  WriteFile(bundle_path, downloaded.body);
  const CommandResult signer = RunPillarbox({"instance", "signing-key", "--data", service_.data_dir()});
  ASSERT_EQ(signer.exit_code, 0) << signer.err;
  const std::string signer_hex = signer.out.substr(0, signer.out.find('\n'));
  EXPECT_EQ(privacy::ToHex(check->signer), signer_hex);
  const CommandResult verified_bundle =
      RunPillarbox({"bundle", "verify", bundle_path, "--key", org_key, "--signer", signer_hex});
  EXPECT_EQ(verified_bundle.exit_code, 0) << verified_bundle.out << verified_bundle.err;
  EXPECT_NE(verified_bundle.out.find("bundle intact"), std::string::npos) << verified_bundle.out;
  const std::string opened = work.File("opened");
  const CommandResult open = RunPillarbox({"bundle", "open", bundle_path, "--key", org_key, "--out", opened});
  ASSERT_EQ(open.exit_code, 0) << open.err;
  for (const auto& [path, content] : entries) {
    EXPECT_EQ(ReadWholeFile(opened + "/" + path), content) << path;
  }

  // One flipped byte anywhere: verification fails and names the part.
  for (size_t at : {size_t{200}, downloaded.body.size() / 2, downloaded.body.size() - 3}) {
    std::string damaged = downloaded.body;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    const std::string damaged_path = work.File("damaged-" + std::to_string(at) + ".pbx");
    WriteFile(damaged_path, damaged);
    const CommandResult refused = RunPillarbox({"bundle", "verify", damaged_path, "--key", org_key});
    EXPECT_EQ(refused.exit_code, 1) << "byte " << at << ": " << refused.out;
    EXPECT_NE(refused.err.find("bundle ALTERED: "), std::string::npos) << "byte " << at << ": " << refused.err;
  }
  for (size_t at : {size_t{10}, downloaded.body.size() / 2, downloaded.body.size() - 3}) {
    std::string damaged = downloaded.body;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    const auto damaged_check = bundles::CheckBundle(damaged, keys_.at(org_a).secret_key, std::nullopt);
    if (!damaged_check.ok()) {
      EXPECT_EQ(damaged_check.status().code(), StatusCode::kInvalidArgument) << at;
      continue;
    }
    ASSERT_FALSE(damaged_check->intact()) << "byte " << at;
    bool named = false;
    for (const std::string part : {"header", "bundle key", "manifest", "signature", "entry", "case.json",
                                   "pillars.json", "actions.json", "custody.json", "reports/"}) {
      named = named || damaged_check->problems.front().find(part) != std::string::npos;
    }
    EXPECT_TRUE(named) << "byte " << at << ": " << damaged_check->problems.front();
  }

  // Partner A's download is audited; the whole log still verifies.
  EXPECT_EQ(service_.Stop(), 0);
  const CommandResult verified = RunPillarbox({"audit", "verify", "--data", service_.data_dir()});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
}

TEST_F(EvidenceBundleTest, SharingRefusesBadInputAndOtherRoles) {
  const std::string org = AddOrganization("Union");
  const std::string case_id = CreateCase("voice", "voice_cloning", "A case");
  EXPECT_EQ(Expect(400, "POST", "/api/v1/cases/" + case_id + "/bundles", "voice",
                   json{{"organization_id", std::string(32, 'd')}, {"evidence_file_ids", json::array()}})
                ["error"]["field"],
            "organization_id");
  EXPECT_EQ(Expect(400, "POST", "/api/v1/cases/" + case_id + "/bundles", "voice",
                   json{{"organization_id", org}, {"evidence_file_ids", {std::string(32, 'f')}}})["error"]["field"],
            "evidence_file_ids");
  EXPECT_EQ(Expect(400, "POST", "/api/v1/cases/" + case_id + "/bundles", "voice",
                   json{{"organization_id", org}, {"evidence_file_ids", "x"}})["error"]["field"],
            "evidence_file_ids");
  Expect(404, "POST", "/api/v1/cases/" + case_id + "/bundles", "work", json{{"organization_id", org}});
  Expect(403, "POST", "/api/v1/cases/" + case_id + "/bundles", "partner", json{{"organization_id", org}});
  Expect(403, "GET", "/api/v1/bundles", "researcher");
  EXPECT_EQ(Expect(400, "POST", "/api/v1/organizations", "admin", json{{"name", "Bad"}, {"public_key", "abcd"}})
                ["error"]["field"],
            "public_key");
  EXPECT_EQ(Rows("bundles"), 0);
}

TEST_F(EvidenceBundleTest, ReviewersListOrganizationsByNameWithoutKeys) {
  const std::string union_id = AddOrganization("Union");
  const std::string legal_id = AddOrganization("Legal aid");
  const json listed = Expect(200, "GET", "/api/v1/organizations", "voice");
  ASSERT_EQ(listed["organizations"].size(), 2u);
  EXPECT_EQ(listed["organizations"][0]["name"], "Legal aid");
  EXPECT_EQ(listed["organizations"][0]["id"], legal_id);
  EXPECT_EQ(listed["organizations"][1]["id"], union_id);
  for (const json& organization : listed["organizations"]) EXPECT_FALSE(organization.contains("public_key"));
  const json full = Expect(200, "GET", "/api/v1/organizations", "admin");
  for (const json& organization : full["organizations"]) EXPECT_EQ(organization.value("public_key", "").size(), 64u);
  Expect(403, "GET", "/api/v1/organizations", "partner");
  Expect(403, "GET", "/api/v1/organizations", "researcher");
}

}  // namespace
}  // namespace pillarbox::testing
