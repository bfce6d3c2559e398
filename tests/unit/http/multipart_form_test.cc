#include "http/multipart_form.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::http {
namespace {

constexpr char kType[] = "multipart/form-data; boundary=----formboundaryX7";

// A body as Chromium sends it for a token field and one file.
std::string BrowserBody(std::string_view file_content) {
  std::string body;
  body += "------formboundaryX7\r\n";
  body += "Content-Disposition: form-data; name=\"form_token\"\r\n\r\n";
  body += "abc123\r\n";
  body += "------formboundaryX7\r\n";
  body += "Content-Disposition: form-data; name=\"file\"; filename=\"wage slip.jpg\"\r\n";
  body += "Content-Type: image/jpeg\r\n\r\n";
  body += file_content;
  body += "\r\n------formboundaryX7--\r\n";
  return body;
}

TEST(MultipartFormTest, SplitsFieldsAndFilesWithBinaryContentIntact) {
  static constexpr char kFile[] = "\xff\xd8\xff\r\n--not-a-boundary\r\n\0\x01 end";
  const std::string file(kFile, sizeof kFile - 1);  // the embedded NUL included, the terminator not
  const std::string body = BrowserBody(file);
  auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "form_token");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  EXPECT_EQ((*parts)[0].content, "abc123");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "wage slip.jpg");
  EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
  EXPECT_EQ((*parts)[1].content, file);
}

TEST(MultipartFormTest, AcceptsAQuotedBoundaryAPreambleAndAnEmptyFile) {
  std::string body = "preamble to ignore\r\n--b1\r\n"
                     "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n"
                     "\r\n--b1--";
  auto parts = ParseMultipartForm("Multipart/Form-Data; charset=utf-8; boundary=\"b1\"", body);
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_TRUE((*parts)[0].content.empty());
}

TEST(MultipartFormTest, RefusesATruncatedBodyNamingTheBody) {
  const std::string body = BrowserBody("0123456789");
  for (size_t cut : {body.size() - 3, body.size() - 12, body.size() / 2, size_t{10}}) {
    auto parts = ParseMultipartForm(kType, body.substr(0, cut));
    ASSERT_FALSE(parts.ok()) << cut;
    EXPECT_EQ(parts.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parts.status().field(), "body");
  }
}

TEST(MultipartFormTest, RefusesOtherMediaTypesAndBadBoundaries) {
  EXPECT_EQ(ParseMultipartForm("application/x-www-form-urlencoded", "a=b").status().code(),
            StatusCode::kUnsupportedMedia);
  for (const char* type : {"multipart/form-data", "multipart/form-data; boundary=",
                           "multipart/form-data; boundary=\"unterminated",
                           "multipart/form-data; boundary=has<angle>",
                           "multipart/form-data; boundary=0123456789012345678901234567890123456789012345678901234567890123456789X"}) {
    auto parts = ParseMultipartForm(type, "--x--");
    ASSERT_FALSE(parts.ok()) << type;
    EXPECT_EQ(parts.status().field(), "Content-Type") << type;
  }
}

TEST(MultipartFormTest, RefusesPartsWithoutANameAndTooManyParts) {
  const std::string nameless = "--b\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\nx\r\n--b--";
  EXPECT_EQ(ParseMultipartForm("multipart/form-data; boundary=b", nameless).status().field(), "body");
  const std::string not_form_data = "--b\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\nx\r\n--b--";
  EXPECT_EQ(ParseMultipartForm("multipart/form-data; boundary=b", not_form_data).status().field(), "body");
  std::string many;
  for (int i = 0; i < 3; ++i) many += "--b\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nv\r\n";
  many += "--b--";
  EXPECT_TRUE(ParseMultipartForm("multipart/form-data; boundary=b", many, {.max_parts = 3}).ok());
  EXPECT_FALSE(ParseMultipartForm("multipart/form-data; boundary=b", many, {.max_parts = 2}).ok());
}

TEST(MultipartFormTest, ErrorMessagesNeverEchoTheBody) {
  const std::string body = "--b\r\nContent-Disposition: form-data; name=\"secret-CANARY\"\r\nCANARY-header\r\n\r\nCANARY";
  auto parts = ParseMultipartForm("multipart/form-data; boundary=b", body);
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.status().message().find("CANARY"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::http
