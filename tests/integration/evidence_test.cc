// Evidence files against the real binary (with the library cleaner): a JPEG
// with GPS EXIF uploaded in chunks by a reporter comes back to a reviewer
// without its metadata and with byte-identical image data; a file over the
// limit, a file whose content is not of an allowed type, a truncated chunk
// sequence, a bad name and a file past the per-report limit are refused and
// leave nothing stored; no plaintext of a file (content or name) appears
// anywhere in the data folder, while running or after a stop.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/jpeg_fixture.h"
#include "support/service_process.h"
#include "support/temp_dir.h"

namespace pillarbox::testing {
namespace {

using Headers = std::map<std::string, std::string>;
using json = nlohmann::json;

Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string AsString(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }

class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start({"--max-file-mib", "2", "--max-files-per-report", "3", "--max-staged-mib", "3"})) << service_.ServerLog();
    staff_token_ = SignInStaff(service_.port(), json::parse(service_.init_output())["admin"]);
    ASSERT_FALSE(staff_token_.empty());
    HttpClient client(service_.port());
    const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    const HttpResponse submitted = client.PostJson("/api/v1/reports", BuildReport(questionnaire, "EVIDENCE").dump());
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const HttpResponse session = client.PostJson(
        "/api/v1/reporter/session", json{{"receipt", json::parse(submitted.body)["receipt"]}}.dump());
    ASSERT_EQ(session.status, 201) << session.body;
    reporter_token_ = json::parse(session.body)["token"];
    const auto listed = json::parse(Staff("GET", "/api/v1/reports").body);
    report_id_ = listed["reports"][0]["id"];
  }

  HttpResponse Staff(const std::string& method, const std::string& path) {
    HttpClient client(service_.port());
    return client.Request(method, path, std::nullopt, "", Bearer(staff_token_));
  }

  HttpResponse Reporter(const std::string& method, const std::string& path,
                        const std::optional<std::string>& body = std::nullopt,
                        const std::string& content_type = "application/json") {
    HttpClient client(service_.port());
    return client.Request(method, path, body, content_type, Bearer(reporter_token_));
  }

  // POST /uploads for `size` bytes; the upload id ("" and a failure otherwise).
  std::string Begin(size_t size) {
    const HttpResponse begun = Reporter("POST", "/api/v1/reporter/uploads", json{{"size", size}}.dump());
    EXPECT_EQ(begun.status, 201) << begun.body;
    if (begun.status != 201) return "";
    const json body = json::parse(begun.body);
    EXPECT_EQ(body["chunk_bytes"], 1024 * 1024);
    EXPECT_EQ(body["max_bytes"], 2 * 1024 * 1024);
    return body["upload_id"];
  }

  HttpResponse PutChunk(const std::string& upload_id, size_t index, const std::string& bytes) {
    return Reporter("PUT", "/api/v1/reporter/uploads/" + upload_id + "/chunks/" + std::to_string(index), bytes,
                    "application/octet-stream");
  }

  HttpResponse Finish(const std::string& upload_id, const std::string& name) {
    return Reporter("POST", "/api/v1/reporter/uploads/" + upload_id + "/finish", json{{"name", name}}.dump());
  }

  // Uploads `content` in chunks of `chunk` bytes and finishes it as `name`.
  HttpResponse Upload(const std::string& content, const std::string& name, size_t chunk = 16 * 1024) {
    const std::string upload_id = Begin(content.size());
    for (size_t offset = 0, index = 0; offset < content.size(); offset += chunk, ++index) {
      const HttpResponse put = PutChunk(upload_id, index, content.substr(offset, chunk));
      EXPECT_EQ(put.status, 204) << put.body;
    }
    return Finish(upload_id, name);
  }

  int64_t StoredEvidenceRows() {
    return CountRows(service_.database_path(), "evidence_files") +
           CountRows(service_.database_path(), "evidence_chunks");
  }

  // The error field of a JSON error response.
  static std::string Field(const HttpResponse& response) {
    const json body = json::parse(response.body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].value("field", "") : "";
  }

  // Every file under the data folder, concatenated.
  std::string EveryFileUnderTheDataFolder() {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(service_.data_dir())) {
      if (entry.is_regular_file()) all += ReadFileBytes(entry.path().string());
    }
    return all;
  }

  ServiceProcess service_;
  std::string staff_token_;
  std::string reporter_token_;
  std::string report_id_;
};

TEST_F(EvidenceTest, JpegWithGpsReachesTheReviewerWithoutItAndWithIdenticalImageData) {
  const std::string serial = "SERIAL-CANARY-5531";
  const std::vector<uint8_t> original = JpegWithGpsExif(serial, 512, 512);
  ASSERT_TRUE(ContainsBytes(original, serial));
  ASSERT_GT(original.size(), 3u * 256) << "the upload should take several chunks";

  const HttpResponse finished = Upload(AsString(original), "wage decision.jpg", 256);
  ASSERT_EQ(finished.status, 201) << finished.body;
  const json file = json::parse(finished.body)["file"];
  EXPECT_EQ(file["name"], "wage decision.jpg");
  EXPECT_EQ(file["type"], "image/jpeg");
  const auto removed = file["removed"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(removed.begin(), removed.end(), "gps"), removed.end()) << file.dump();
  const std::string file_id = file["id"];

  const HttpResponse own = Reporter("GET", "/api/v1/reporter/files");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(json::parse(own.body)["files"][0]["id"], file_id);

  const HttpResponse listed = Staff("GET", "/api/v1/reports/" + report_id_ + "/files");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(json::parse(listed.body)["files"][0]["name"], "wage decision.jpg");

  const HttpResponse download = Staff("GET", "/api/v1/reports/" + report_id_ + "/files/" + file_id);
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.Header("content-type"), "image/jpeg");
  EXPECT_EQ(download.Header("content-disposition"),
            "attachment; filename=\"evidence-" + file_id.substr(0, 8) + ".jpg\"");
  EXPECT_NE(download.Header("content-security-policy").find("sandbox"), std::string::npos);
  EXPECT_EQ(download.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(download.Header("cache-control"), "no-store");
  const std::vector<uint8_t> received(download.body.begin(), download.body.end());
  EXPECT_EQ(received.size(), file["size"].get<size_t>());
  EXPECT_FALSE(ContainsBytes(received, serial)) << "the camera serial survived";
  EXPECT_FALSE(ContainsBytes(received, "PillarboxCam")) << "the EXIF Make survived";
  EXPECT_FALSE(ContainsBytes(received, "Exif")) << "the EXIF segment survived";
  EXPECT_LT(received.size(), original.size());
  const std::vector<uint8_t> image_data = ImageDataFromSos(original);
  ASSERT_FALSE(image_data.empty());
  EXPECT_EQ(ImageDataFromSos(received), image_data) << "the picture itself changed";

  // The reporter's addition waits for the end of the day (audit/deferred_audit.h);
  // the reviewer's download is chained at once.
  EXPECT_EQ(CountRows(service_.database_path(), "audit_deferred WHERE action = 'evidence.added'"), 1);
  EXPECT_EQ(CountRows(service_.database_path(), "audit_log WHERE action = 'evidence.downloaded'"), 1);
  EXPECT_EQ(Staff("GET", "/api/v1/reports/" + report_id_ + "/files/" + std::string(32, 'f')).status, 404);
}

TEST_F(EvidenceTest, RefusedFilesLeaveNothingStored) {
  // Over the limit (2 MiB here), declared: refused before any byte is sent.
  const HttpResponse too_big = Reporter("POST", "/api/v1/reporter/uploads", json{{"size", 2 * 1024 * 1024 + 1}}.dump());
  EXPECT_EQ(too_big.status, 413);
  EXPECT_EQ(Field(too_big), "size");
  // More bytes than declared.
  const std::string small = Begin(10);
  const HttpResponse past = PutChunk(small, 0, std::string(11, 'x'));
  EXPECT_EQ(past.status, 413);
  EXPECT_EQ(Field(past), "chunk");
  // A chunk over 1 MiB.
  const std::string large = Begin(2 * 1024 * 1024);
  const HttpResponse big_chunk = PutChunk(large, 0, std::string(1024 * 1024 + 1, 'x'));
  EXPECT_EQ(big_chunk.status, 413);
  Reporter("POST", "/api/v1/reporter/uploads/" + large + "/finish", R"({"name":"x"})");  // drops it (truncated)
  // A chunk out of order.
  const HttpResponse skipped = PutChunk(small, 1, "x");
  EXPECT_EQ(skipped.status, 400);
  EXPECT_EQ(Field(skipped), "chunk");
  // A truncated sequence: 5 of 10 bytes, then finish.
  ASSERT_EQ(PutChunk(small, 0, "TEXT:").status, 204);
  const HttpResponse truncated = Finish(small, "notes.txt");
  EXPECT_EQ(truncated.status, 400);
  EXPECT_EQ(Field(truncated), "chunks");
  EXPECT_EQ(PutChunk(small, 1, "12345").status, 404) << "a refused upload is gone";
  // Content that is not of an allowed type, whatever its name says.
  std::string program = "\x7f" "ELF\x02\x01\x01";
  program.resize(4096, '\0');
  const HttpResponse not_allowed = Upload(program, "photo.jpg");
  EXPECT_EQ(not_allowed.status, 400) << not_allowed.body;
  EXPECT_EQ(Field(not_allowed), "file");
  // A name with a control character (the upload stays for a retry).
  const std::string named = Begin(12);
  ASSERT_EQ(PutChunk(named, 0, "plain words\n").status, 204);
  EXPECT_EQ(Field(Finish(named, "bad\x01name")), "name");
  EXPECT_EQ(Reporter("POST", "/api/v1/reporter/uploads", R"({"size":-3})").status, 400);
  EXPECT_EQ(Reporter("PUT", "/api/v1/reporter/uploads/" + named + "/chunks/1", "x", "text/plain").status, 415);

  EXPECT_EQ(StoredEvidenceRows(), 0);
  EXPECT_EQ(CountRows(service_.database_path(), "audit_log WHERE action LIKE 'evidence.%'"), 0);
  EXPECT_EQ(CountRows(service_.database_path(), "audit_deferred WHERE action LIKE 'evidence.%'"), 0);
  EXPECT_EQ(Finish(named, "good name.txt").status, 201);
  EXPECT_EQ(CountRows(service_.database_path(), "evidence_files"), 1);
}

TEST_F(EvidenceTest, ThePerReportLimitRefusesTheNextFileWithNothingStored) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Upload("note number " + std::to_string(i) + "\n", "note.txt").status, 201) << i;
  }
  const int64_t rows = StoredEvidenceRows();
  const HttpResponse refused = Reporter("POST", "/api/v1/reporter/uploads", json{{"size", 10}}.dump());
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(Field(refused), "file");
  EXPECT_EQ(StoredEvidenceRows(), rows);
  EXPECT_EQ(json::parse(Reporter("GET", "/api/v1/reporter/files").body)["files"].size(), 3u);
}

TEST_F(EvidenceTest, DeletingTheReportDropsItsUploadsInProgress) {
  // 2 of the 3 MiB of staging are reserved by this report's unfinished upload.
  const std::string upload_id = Begin(2 * 1024 * 1024);
  ASSERT_EQ(PutChunk(upload_id, 0, std::string(1024, 'x')).status, 204);
  ASSERT_EQ(Reporter("DELETE", "/api/v1/reporter/report").status, 204);

  // Another reporter can reserve them at once: the deletion freed the staging
  // (without it the reservation would hold for the 10-minute idle timeout).
  HttpClient client(service_.port());
  const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
  const HttpResponse submitted = client.PostJson("/api/v1/reports", BuildReport(questionnaire, "SECOND").dump());
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const HttpResponse session = client.PostJson(
      "/api/v1/reporter/session", json{{"receipt", json::parse(submitted.body)["receipt"]}}.dump());
  ASSERT_EQ(session.status, 201) << session.body;
  reporter_token_ = json::parse(session.body)["token"];
  EXPECT_FALSE(Begin(2 * 1024 * 1024).empty());
  const HttpResponse over = Reporter("POST", "/api/v1/reporter/uploads", json{{"size", 2 * 1024 * 1024}}.dump());
  EXPECT_EQ(over.status, 503) << "the 3 MiB staging cap is not enforced, so this test proves nothing";
}

TEST_F(EvidenceTest, NoPlaintextOfAFileAnywhereInTheDataFolder) {
  const std::string canary = "FILE-PLAINTEXT-CANARY-b71e";
  std::string content;
  while (content.size() < 300 * 1024) content += canary + " the manager cloned my voice for the ads\n";
  const std::string name = "NAME-CANARY-0f3d.txt";
  const HttpResponse finished = Upload(content, name, 100 * 1024);
  ASSERT_EQ(finished.status, 201) << finished.body;
  const std::string file_id = json::parse(finished.body)["file"]["id"];
  // The reviewer can read it back ...
  const HttpResponse download = Staff("GET", "/api/v1/reports/" + report_id_ + "/files/" + file_id);
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, content);
  EXPECT_EQ(download.Header("content-type"), "text/plain; charset=utf-8");
  // ... but no file under the data folder holds it, while running (WAL) ...
  std::string stored = EveryFileUnderTheDataFolder();
  ASSERT_NE(stored.find(file_id), std::string::npos) << "the scan does not see the stored rows";
  EXPECT_EQ(stored.find("CANARY"), std::string::npos);
  EXPECT_EQ(stored.find("the manager cloned"), std::string::npos);
  // ... or after a stop.
  EXPECT_EQ(service_.Stop(), 0);
  stored = EveryFileUnderTheDataFolder();
  ASSERT_NE(stored.find(file_id), std::string::npos);
  EXPECT_EQ(stored.find("CANARY"), std::string::npos);
  EXPECT_EQ(service_.ServerLog().find("CANARY"), std::string::npos) << "the log names the file";
}

}  // namespace
}  // namespace pillarbox::testing
