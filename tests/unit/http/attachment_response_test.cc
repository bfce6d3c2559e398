#include "http/attachment_response.h"

#include <gtest/gtest.h>

namespace pillarbox::http {
namespace {

TEST(AttachmentResponseTest, MediaTypesArePassedOnlyWhenPlain) {
  EXPECT_EQ(SafeMediaType("image/jpeg"), "image/jpeg");
  EXPECT_EQ(SafeMediaType("audio/ogg"), "audio/ogg");
  EXPECT_EQ(SafeMediaType("image/svg+xml"), "image/svg+xml");
  EXPECT_EQ(SafeMediaType("text/plain"), "text/plain; charset=utf-8");
  EXPECT_EQ(SafeMediaType("text/html\r\nSet-Cookie: x=1"), "application/octet-stream");
  EXPECT_EQ(SafeMediaType("image/jpeg; charset=x"), "application/octet-stream");
  EXPECT_EQ(SafeMediaType("Image/JPEG"), "application/octet-stream");
  EXPECT_EQ(SafeMediaType("jpeg"), "application/octet-stream");
  EXPECT_EQ(SafeMediaType("/jpeg"), "application/octet-stream");
  EXPECT_EQ(SafeMediaType(""), "application/octet-stream");
}

TEST(AttachmentResponseTest, FileNamesKeepOnlyAPlainExtension) {
  EXPECT_EQ(SafeFileName("evidence-0123abcd", "jpg"), "evidence-0123abcd.jpg");
  EXPECT_EQ(SafeFileName("evidence-0123abcd", "m4a"), "evidence-0123abcd.m4a");
  EXPECT_EQ(SafeFileName("evidence-0123abcd", ""), "evidence-0123abcd.bin");
  EXPECT_EQ(SafeFileName("evidence-0123abcd", "jpg\"; x=\"y"), "evidence-0123abcd.bin");
  EXPECT_EQ(SafeFileName("evidence-0123abcd", "../../x"), "evidence-0123abcd.bin");
  EXPECT_EQ(SafeFileName("evidence-0123abcd", "toolongext"), "evidence-0123abcd.bin");
  EXPECT_EQ(SafeFileName("evidence-0123abcd", "tar.gz"), "evidence-0123abcd.bin");
}

}  // namespace
}  // namespace pillarbox::http
