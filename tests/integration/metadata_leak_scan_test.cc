// Metadata leak scan (issue 9): one working session through every way text
// enters Pillarbox, with a canary in every sealed value (each answer of each
// kind through the JSON API and the plain HTML form, a reporter's reply, an
// evidence file's name and content, reviewer notes, messages and a case)
// and, on every request, a distinctive User-Agent, Referer and forwarded
// addresses. Then every byte the instance gave out or left behind is
// scanned: each file in the data folder (database, WAL, shared memory,
// locks), a backup, the server's log, /metrics, the researchers' statistics,
// the audit log as the admin reads it and a downloaded evidence bundle. None
// may hold a canary, a receipt, a session token, a user agent or an address.
// The canaries are really there: the reviewer reads them back.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "evidence_bundle_fixture.h"
#include "report_form.h"
#include "report_payloads.h"
#include "support/http_client.h"
#include "support/service_process.h"
#include "support/temp_dir.h"

namespace pillarbox::testing {
namespace {

using nlohmann::json;

constexpr char kUserAgentMark[] = "PBXLEAKUA";
constexpr char kRefererMark[] = "PBXLEAKREFERER";
constexpr char kForwardedNet[] = "198.51.100.";  // TEST-NET-2, sent as the "client" address
constexpr char kProxyNet[] = "203.0.113.";       // TEST-NET-3, sent as a proxy in the chain

// What a reporter's (or a reviewer's) browser behind a proxy would send.
std::map<std::string, std::string> IdentifyingHeaders(const std::string& who) {
  return {{"User-Agent", std::string("Mozilla/5.0 (") + kUserAgentMark + "-" + who + "; rv:128.0) Gecko/20100101"},
          {"Referer", std::string("http://127.0.0.1/") + kRefererMark + "-" + who},
          {"X-Forwarded-For", std::string(kForwardedNet) + "77, " + kProxyNet + "9"},
          {"X-Real-IP", std::string(kForwardedNet) + "78"},
          {"Forwarded", std::string("for=") + kForwardedNet + "79;proto=https"}};
}

std::string PreviousMonth() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int index = (utc.tm_year + 1900) * 12 + utc.tm_mon - 1;
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
  return text;
}

class MetadataLeakScanTest : public EvidenceBundleFixture {
 protected:
  MetadataLeakScanTest() {
    serve_arguments_ = {"--form-min-seconds", "0"};
    HttpClient::SetHeadersForEveryRequest(IdentifyingHeaders("staff"));
  }
  ~MetadataLeakScanTest() override { HttpClient::SetHeadersForEveryRequest({}); }

  // Submits a report of every kind through the JSON API and one through the
  // HTML form, as a reporter; the receipts.
  std::vector<std::string> SubmitReports() {
    HttpClient::SetHeadersForEveryRequest(IdentifyingHeaders("reporter"));
    HttpClient client(service_.port());
    std::vector<std::string> receipts;
    for (const std::string kind : {"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"}) {
      const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/" + kind).body);
      const HttpResponse sent =
          client.PostJson("/api/v1/reports", BuildReport(questionnaire, "LEAKJSON" + kind, &canaries_).dump());
      EXPECT_EQ(sent.status, 201) << sent.body;
      receipts.push_back(json::parse(sent.body).value("receipt", ""));
    }
    const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    const json answers = BuildReport(questionnaire, "LEAKFORM", &canaries_)["answers"];
    const std::string token = TokenIn(client.Get("/report/voice_cloning").body);
    const HttpResponse page = client.Request("POST", "/report/voice_cloning", FormBody(answers, token), kFormType);
    EXPECT_EQ(page.status, 200) << page.body;
    receipts.push_back(ReceiptInPage(page.body));
    EXPECT_FALSE(receipts.back().empty()) << page.body;
    return receipts;
  }

  // The reporter of `receipt` replies and attaches a file; both carry canaries.
  void ReplyAndAttach(const std::string& receipt) {
    HttpClient client(service_.port());
    const HttpResponse session = client.PostJson("/api/v1/reporter/session", json{{"receipt", receipt}}.dump());
    ASSERT_EQ(session.status, 201) << session.body;
    const std::string token = json::parse(session.body)["token"];
    tokens_seen_.push_back(token);
    const HttpResponse reply =
        client.Request("POST", "/api/v1/reporter/messages", json{{"body", Canary("LEAKREPLY")}}.dump(),
                       "application/json", {{"Authorization", "Bearer " + token}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    file_id_ = UploadAsReporter(receipt, Canary("LEAKFILECONTENT") + "\nthe rest of the note\n",
                                Canary("LEAKFILENAME") + ".txt");
    HttpClient::SetHeadersForEveryRequest(IdentifyingHeaders("staff"));
  }

  // A fresh canary starting with `label`, recorded for the scan.
  std::string Canary(const std::string& label) {
    canaries_.push_back(label + "-" + std::to_string(canaries_.size()) + "-canary");
    return canaries_.back();
  }

  // Every needle that must appear nowhere the scan looks.
  std::vector<std::string> Needles(const std::vector<std::string>& receipts) const {
    std::vector<std::string> needles = canaries_;
    needles.insert(needles.end(), receipts.begin(), receipts.end());
    needles.insert(needles.end(), tokens_seen_.begin(), tokens_seen_.end());
    for (const auto& [role, token] : tokens_) needles.push_back(token);
    for (const char* mark : {kUserAgentMark, kRefererMark, kForwardedNet, kProxyNet}) needles.emplace_back(mark);
    return needles;
  }

  std::vector<std::string> canaries_;
  std::vector<std::string> tokens_seen_;
  std::string file_id_;
};

// Every regular file under `folder`, by path.
std::map<std::string, std::string> FilesUnder(const std::string& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) files[entry.path().string()] = ReadFileBytes(entry.path().string());
  }
  return files;
}

TEST_F(MetadataLeakScanTest, NoCanaryReceiptTokenUserAgentOrAddressLeavesTheInstance) {
  const std::vector<std::string> receipts = SubmitReports();
  ASSERT_EQ(receipts.size(), 4u);
  ReplyAndAttach(receipts[1]);  // the voice_cloning report sent as JSON

  // A voice reviewer works on the report: a note, a message, a case with a
  // note, and shares the case with a partner organization.
  json answers;
  const std::string report = FindReport("LEAKJSONvoice_cloning", &answers);
  ASSERT_EQ(report.size(), 32u);
  Expect(201, "POST", "/api/v1/reports/" + report + "/notes", "voice", json{{"body", Canary("LEAKNOTE")}});
  Expect(201, "POST", "/api/v1/reports/" + report + "/messages", "voice", json{{"body", Canary("LEAKMESSAGE")}});
  const std::string case_id = CreateCase("voice", "voice_cloning", Canary("LEAKCASETITLE"), Canary("LEAKCASESUMMARY"));
  ASSERT_EQ(case_id.size(), 32u);
  Expect(201, "POST", "/api/v1/cases/" + case_id + "/notes", "voice", json{{"body", Canary("LEAKCASENOTE")}});
  Expect(200, "POST", "/api/v1/cases/" + case_id + "/reports", "voice", json{{"report_id", report}});
  const std::string organization = AddOrganization("Leak Scan Union");
  AddPartner("partner-a", organization);
  const json bundle = Expect(201, "POST", "/api/v1/cases/" + case_id + "/bundles", "voice",
                             json{{"organization_id", organization}, {"evidence_file_ids", {file_id_}}});

  // The canaries are really stored: the reviewer reads them back.
  const HttpResponse opened = Call("GET", "/api/v1/reports/" + report, "voice");
  ASSERT_EQ(opened.status, 200);
  EXPECT_NE(opened.body.find("LEAKJSONvoice_cloning"), std::string::npos);
  const HttpResponse conversation = Call("GET", "/api/v1/reports/" + report + "/messages", "voice");
  EXPECT_NE(conversation.body.find("LEAKREPLY"), std::string::npos) << conversation.body;
  const HttpResponse files = Call("GET", "/api/v1/reports/" + report + "/files", "voice");
  EXPECT_NE(files.body.find("LEAKFILENAME"), std::string::npos) << files.body;

  // What the instance gives out.
  std::map<std::string, std::string> outputs;
  const HttpResponse downloaded = Download("partner-a", bundle.value("id", ""));
  ASSERT_EQ(downloaded.status, 200) << downloaded.body;
  outputs["bundle download"] = downloaded.body;
  outputs["metrics"] = Call("GET", "/metrics", "anonymous").body;
  const std::string month = PreviousMonth();
  const HttpResponse stats = Call("GET", "/api/v1/stats?group_by=kind,region&from=" + month + "&to=" + month,
                                  "researcher");
  EXPECT_EQ(stats.status, 200) << stats.body;
  outputs["stats"] = stats.body;
  outputs["stats.csv"] =
      Call("GET", "/api/v1/stats.csv?group_by=kind,region&from=" + month + "&to=" + month, "researcher").body;
  const HttpResponse audit = Call("GET", "/api/v1/audit?limit=500", "admin");
  EXPECT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("bundle.created"), std::string::npos) << "the audit log covers the session";
  outputs["audit log"] = audit.body;
  TempDir work;
  const std::string backup = work.File("leak-scan.backup");
  const CommandResult backed_up = RunPillarbox({"backup", "--data", service_.data_dir(), "--out", backup});
  ASSERT_EQ(backed_up.exit_code, 0) << backed_up.err;
  outputs["backup"] = ReadFileBytes(backup);
  outputs["backup command output"] = backed_up.out + backed_up.err;

  // What it leaves behind, while running and after a clean stop.
  std::map<std::string, std::string> running = FilesUnder(service_.data_dir());
  ASSERT_EQ(service_.Stop(), 0);
  std::map<std::string, std::string> stopped = FilesUnder(service_.data_dir());
  outputs["server log"] = service_.ServerLog();
  EXPECT_NE(outputs["server log"].find("status=201"), std::string::npos) << "the log has request lines";
  for (auto& [path, bytes] : running) outputs["running: " + path] = std::move(bytes);
  for (auto& [path, bytes] : stopped) outputs["stopped: " + path] = std::move(bytes);
  ASSERT_GT(outputs.size(), 10u);

  const std::vector<std::string> needles = Needles(receipts);
  ASSERT_GE(canaries_.size(), 30u);
  size_t scanned = 0;
  for (const auto& [where, bytes] : outputs) {
    scanned += bytes.size();
    for (const std::string& needle : needles) {
      EXPECT_EQ(bytes.find(needle), std::string::npos) << "'" << needle << "' found in " << where;
    }
  }
  EXPECT_GT(scanned, 500'000u) << "the scan read too little to mean anything";
  std::printf("leak scan: %zu needles, %zu outputs, %zu bytes scanned\n", needles.size(), outputs.size(), scanned);
}

}  // namespace
}  // namespace pillarbox::testing
