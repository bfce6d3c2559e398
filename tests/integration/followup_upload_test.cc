// Evidence files through the follow-up page's plain multipart form (no
// JavaScript) against the real binary: a JPEG with GPS EXIF is stored without
// it and the page says what was removed; a PDF is kept with a warning; a
// reused token, a file of a type not allowed, a file over the limit, a
// truncated body and a form without a file are refused next to the file
// field with nothing stored; a full report shows no form; no plaintext of a
// file reaches the data folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "instance_inspector.h"
#include "report_form.h"
#include "report_payloads.h"
#include "staff_login.h"
#include "support/http_client.h"
#include "support/jpeg_fixture.h"
#include "support/service_process.h"

namespace pillarbox::testing {
namespace {

using json = nlohmann::json;

constexpr char kBoundary[] = "----pillarboxTestBoundary7MA4YWxk";

std::string AsString(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }

// A multipart/form-data body as a browser sends the upload form.
std::string MultipartBody(const std::string& token, const std::string& filename, const std::string& content,
                          const std::string& type = "application/octet-stream") {
  std::string body;
  body += std::string("--") + kBoundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"form_token\"\r\n\r\n" + token + "\r\n";
  body += std::string("--") + kBoundary + "\r\n";
  body += "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n";
  body += "Content-Type: " + type + "\r\n\r\n" + content + "\r\n";
  body += std::string("--") + kBoundary + "--\r\n";
  return body;
}

class FollowupUploadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(service_.Start({"--form-min-seconds", "0", "--max-file-mib", "1", "--max-files-per-report", "2"}))
        << service_.ServerLog();
    HttpClient client(service_.port());
    const auto questionnaire = json::parse(client.Get("/api/v1/questionnaires/voice_cloning").body);
    const HttpResponse submitted = client.PostJson("/api/v1/reports", BuildReport(questionnaire, "UPLOAD").dump());
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const std::string receipt = json::parse(submitted.body)["receipt"];
    const HttpResponse signed_in =
        client.Request("POST", "/followup", "receipt=" + receipt, "application/x-www-form-urlencoded");
    ASSERT_EQ(signed_in.status, 303) << signed_in.body;
    const std::string cookie = signed_in.Header("set-cookie");
    cookie_ = cookie.substr(0, cookie.find(';'));
  }

  HttpResponse ReportPage(const std::string& query = "") {
    HttpClient client(service_.port());
    return client.Request("GET", "/followup/report" + query, std::nullopt, "", {{"Cookie", cookie_}});
  }

  HttpResponse PostUpload(const std::string& body) {
    HttpClient client(service_.port());
    return client.Request("POST", "/followup/files", body, std::string("multipart/form-data; boundary=") + kBoundary,
                          {{"Cookie", cookie_}});
  }

  // Uploads `content` as `filename` with a fresh token from the report page.
  HttpResponse Upload(const std::string& filename, const std::string& content) {
    return PostUpload(MultipartBody(TokenIn(ReportPage().body), filename, content));
  }

  int64_t StoredFiles() { return CountRows(service_.database_path(), "evidence_files"); }

  // The file field's error paragraph of a page ("" when there is none).
  static std::string FileError(const std::string& html) {
    std::smatch match;
    static const std::regex kError(R"re(<p class="error" id="field-file-error">(.*?)</p>)re");
    return std::regex_search(html, match, kError) ? match[1].str() : "";
  }

  ServiceProcess service_;
  std::string cookie_;
};

TEST_F(FollowupUploadTest, TheReportPageOffersAPlainUploadForm) {
  const HttpResponse page = ReportPage();
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(R"(<form method="post" action="/followup/files" enctype="multipart/form-data">)"),
            std::string::npos);
  EXPECT_NE(page.body.find(R"(<label for="field-file">)"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<input type="file" id="field-file" name="file")"), std::string::npos);
  EXPECT_NE(page.body.find("up to 1 MiB each, at most 2 files"), std::string::npos);
  EXPECT_NE(page.body.find("You have not added any files."), std::string::npos);
}

TEST_F(FollowupUploadTest, AJpegWithGpsIsStoredWithoutItAndThePageSaysWhatWasRemoved) {
  const std::vector<uint8_t> jpeg = JpegWithGpsExif("SERIAL-CANARY-77");
  const HttpResponse uploaded = Upload("holiday photo.jpg", AsString(jpeg));
  ASSERT_EQ(uploaded.status, 303) << uploaded.body;
  EXPECT_EQ(uploaded.Header("location"), "/followup/report?added=1");
  EXPECT_EQ(StoredFiles(), 1);

  const HttpResponse page = ReportPage("?added=1");
  EXPECT_NE(page.body.find("Your file was added."), std::string::npos);
  EXPECT_NE(page.body.find("holiday photo.jpg"), std::string::npos);
  EXPECT_NE(page.body.find("image&#x2F;jpeg"), std::string::npos);
  EXPECT_NE(page.body.find("the place where the photo was taken (GPS)"), std::string::npos);
  EXPECT_NE(page.body.find("camera and device details (EXIF)"), std::string::npos);

  // The reviewer gets the picture without the EXIF segment, image data unchanged.
  const std::string staff = SignInStaff(service_.port(), json::parse(service_.init_output())["admin"]);
  HttpClient client(service_.port());
  const std::map<std::string, std::string> bearer = {{"Authorization", "Bearer " + staff}};
  const auto listed = json::parse(client.Request("GET", "/api/v1/reports", std::nullopt, "", bearer).body);
  const std::string report_id = listed["reports"][0]["id"];
  const auto files =
      json::parse(client.Request("GET", "/api/v1/reports/" + report_id + "/files", std::nullopt, "", bearer).body);
  ASSERT_EQ(files["files"].size(), 1u) << files;
  const std::string file_id = files["files"][0]["id"];
  const HttpResponse download =
      client.Request("GET", "/api/v1/reports/" + report_id + "/files/" + file_id, std::nullopt, "", bearer);
  ASSERT_EQ(download.status, 200);
  const std::vector<uint8_t> stored(download.body.begin(), download.body.end());
  EXPECT_FALSE(ContainsBytes(stored, "SERIAL-CANARY-77"));
  EXPECT_FALSE(ContainsBytes(stored, "Exif"));
  EXPECT_EQ(ImageDataFromSos(stored), ImageDataFromSos(jpeg));
}

TEST_F(FollowupUploadTest, APdfIsKeptWithAWarning) {
  const std::string pdf =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
      "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  ASSERT_EQ(Upload("letter.pdf", pdf).status, 303);
  const HttpResponse page = ReportPage();
  EXPECT_NE(page.body.find("We could not remove hidden information from this PDF."), std::string::npos);
}

TEST_F(FollowupUploadTest, RefusedUploadsAreExplainedNextToTheFieldAndStoreNothing) {
  // Not an allowed type (an executable's first bytes).
  HttpResponse refused = Upload("tool.exe", std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + std::string(600, '\x01'));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(FileError(refused.body).find("This kind of file cannot be added."), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find(R"(aria-invalid="true")"), std::string::npos);

  // Over the 1 MiB limit.
  refused = Upload("big.txt", std::string(1024 * 1024 + 1, 'a'));
  EXPECT_EQ(refused.status, 413);
  EXPECT_NE(FileError(refused.body).find("Files can be up to 1 MiB."), std::string::npos) << refused.body;

  // No file chosen (browsers send an empty part with an empty name).
  refused = Upload("", "");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(FileError(refused.body).find("Choose a file to add."), std::string::npos);

  // A token used once already.
  const std::string token = TokenIn(ReportPage().body);
  ASSERT_EQ(PostUpload(MultipartBody(token, "first.txt", "first note\n")).status, 303);
  refused = PostUpload(MultipartBody(token, "second.txt", "second note\n"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_FALSE(FileError(refused.body).empty());
  EXPECT_EQ(StoredFiles(), 1);

  // A truncated body (no closing delimiter), as when a connection drops.
  std::string truncated = MultipartBody(TokenIn(ReportPage().body), "cut.txt", "cut short\n");
  truncated.resize(truncated.size() - 10);
  refused = PostUpload(truncated);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(StoredFiles(), 1);

  // Without the cookie: sign in again, nothing stored.
  HttpClient client(service_.port());
  EXPECT_EQ(client.Request("POST", "/followup/files", MultipartBody("x", "a.txt", "text\n"),
                           std::string("multipart/form-data; boundary=") + kBoundary)
                .status,
            401);
  EXPECT_EQ(StoredFiles(), 1);
}

TEST_F(FollowupUploadTest, AFullReportShowsNoFormAndRefusesMore) {
  ASSERT_EQ(Upload("one.txt", "first note\n").status, 303);
  const std::string token = TokenIn(ReportPage().body);
  ASSERT_EQ(PostUpload(MultipartBody(token, "two.txt", "second note\n")).status, 303);
  const HttpResponse page = ReportPage();
  EXPECT_EQ(page.body.find(R"(action="/followup/files")"), std::string::npos);
  EXPECT_NE(page.body.find("You have added as many files as a report can hold."), std::string::npos);
  const HttpResponse refused = PostUpload(MultipartBody(TokenIn(page.body), "three.txt", "third note\n"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(StoredFiles(), 2);
}

TEST_F(FollowupUploadTest, NoPlaintextOfAnUploadedFileInTheDataFolder) {
  std::string content;
  while (content.size() < 200 * 1024) content += "FORM-UPLOAD-CANARY-5c2e my manager cloned my voice\n";
  ASSERT_EQ(Upload("CANARY-NAME-91aa.txt", content).status, 303);
  EXPECT_EQ(service_.Stop(), 0);
  std::string stored;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(service_.data_dir())) {
    if (entry.is_regular_file()) stored += ReadFileBytes(entry.path().string());
  }
  EXPECT_GT(stored.size(), content.size());
  EXPECT_EQ(stored.find("CANARY"), std::string::npos);
  EXPECT_EQ(service_.ServerLog().find("CANARY"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::testing
