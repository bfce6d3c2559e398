#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cleaner_fixture.h"
#include "support/jpeg_fixture.h"

namespace pillarbox::media {
namespace {

std::vector<uint8_t> Bytes(const std::string& text) { return {text.begin(), text.end()}; }

// Cleans `content` and checks the refusal: InvalidArgument on "file" whose
// message does not echo the content's canary.
void ExpectRefused(const std::vector<uint8_t>& content, const std::string& what) {
  auto cleaned = testing::SharedCleaner().Clean(content);
  ASSERT_FALSE(cleaned.ok()) << what << " was accepted as " << cleaned->media_type;
  EXPECT_EQ(cleaned.status().code(), StatusCode::kInvalidArgument) << what;
  EXPECT_EQ(cleaned.status().field(), "file") << what;
  EXPECT_EQ(cleaned.status().message().find("CANARY"), std::string::npos) << what;
  EXPECT_FALSE(cleaned.status().message().empty()) << what;
}

TEST(RefusalTest, RefusesEmptyContent) { ExpectRefused({}, "empty"); }

TEST(RefusalTest, RefusesHtmlAndSvg) {
  ExpectRefused(Bytes("<!DOCTYPE html>\n<html><head><title>CANARY</title></head><body><script>alert(1)</script>"
                      "</body></html>\n"),
                "html");
  ExpectRefused(Bytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>CANARY</text></svg>\n"),
                "svg");
}

TEST(RefusalTest, RefusesZipWhateverItsName) {
  std::vector<uint8_t> zip = Bytes(std::string("PK\x03\x04\x14\x00\x00\x00\x00\x00", 10));
  const std::vector<uint8_t> rest = Bytes(std::string(20, '\0') + "CANARY.txtCANARY-DATA");
  zip.insert(zip.end(), rest.begin(), rest.end());
  ExpectRefused(zip, "zip");
}

TEST(RefusalTest, RefusesAJpegHeaderOnAZip) {
  std::vector<uint8_t> polyglot = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
                                   0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
  const std::vector<uint8_t> zip = Bytes(std::string("PK\x03\x04\x14\x00\x00\x00", 8) + std::string(40, 'A') + "CANARY");
  polyglot.insert(polyglot.end(), zip.begin(), zip.end());
  ExpectRefused(polyglot, "jpeg header on zip");
}

TEST(RefusalTest, RefusesElfExecutables) {
  std::vector<uint8_t> elf = Bytes(std::string("\x7F" "ELF\x02\x01\x01\x00", 8));
  elf.resize(64, 0);
  elf[16] = 2;     // ET_EXEC
  elf[18] = 0x3E;  // x86-64
  elf[20] = 1;     // version
  const std::vector<uint8_t> canary = Bytes("CANARY");
  elf.insert(elf.end(), canary.begin(), canary.end());
  ExpectRefused(elf, "elf");
}

TEST(RefusalTest, RefusesATruncatedJpeg) {
  const std::vector<uint8_t> jpeg = pillarbox::testing::JpegWithGpsExif("CANARY-SERIAL-7731", 32, 32);
  ExpectRefused(std::vector<uint8_t>(jpeg.begin(), jpeg.begin() + 60), "jpeg cut in its exif");
  ExpectRefused(std::vector<uint8_t>(jpeg.begin(), jpeg.end() - 2), "jpeg without eoi");
}

TEST(RefusalTest, RefusesTextThatIsNotCleanUtf8) {
  ExpectRefused(Bytes("CANARY note with a broken \xC3\x28 sequence and more words\n"), "invalid utf-8");
  ExpectRefused(Bytes(std::string("CANARY note\0with a NUL\n", 23)), "nul");
  ExpectRefused(Bytes("CANARY note with a bell \x07 inside\n"), "control");
}

TEST(RefusalTest, RefusesOfficeDocumentsAndArchives) {
  ExpectRefused(Bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0') + "CANARY"), "cdf");
  ExpectRefused(Bytes(std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", 10) + "CANARY"), "gzip");
  ExpectRefused(Bytes("#!/bin/sh\nrm -rf / # CANARY\n"), "shell script");
}

}  // namespace
}  // namespace pillarbox::media
