#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "exiv2_test_helpers.h"
#include "cleaner_fixture.h"
#include "support/jpeg_fixture.h"

namespace pillarbox::media {
namespace {

using pillarbox::testing::ContainsBytes;
using pillarbox::testing::ImageDataFromSos;
using pillarbox::testing::JpegWithGpsExif;

using testing::Has;

class JpegCleaningTest : public ::testing::Test {
 protected:
  static const intake::EvidenceCleaner& cleaner() { return testing::SharedCleaner(); }
};

TEST_F(JpegCleaningTest, RemovesHandBuiltGpsExifAndKeepsImageData) {
  const std::vector<uint8_t> original = JpegWithGpsExif("CANARY-SERIAL-7731", 64, 48);
  ASSERT_TRUE(ContainsBytes(original, "CANARY-SERIAL-7731"));
  const testing::FoundMetadata before = testing::ReadMetadata(original);
  ASSERT_GT(before.gps_count, 0u);

  auto cleaned = cleaner().Clean(original);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "image/jpeg");
  EXPECT_EQ(cleaned->extension, "jpg");
  EXPECT_TRUE(Has(cleaned->removed, "exif"));
  EXPECT_TRUE(Has(cleaned->removed, "gps"));
  EXPECT_TRUE(cleaned->warnings.empty());

  const testing::FoundMetadata after = testing::ReadMetadata(cleaned->content);
  EXPECT_EQ(after.exif_count, 0u);
  EXPECT_EQ(after.gps_count, 0u);
  EXPECT_EQ(after.xmp_count, 0u);
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY-SERIAL-7731"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "PillarboxCam"));
  const std::vector<uint8_t> image_before = ImageDataFromSos(original);
  ASSERT_FALSE(image_before.empty());
  EXPECT_EQ(ImageDataFromSos(cleaned->content), image_before);
}

TEST_F(JpegCleaningTest, RemovesExiv2WrittenExifXmpAndIptc) {
  const std::vector<uint8_t> original =
      testing::AddCameraMetadata(pillarbox::testing::BaselineJpeg(32, 32, 3), "CANARY-SERIAL-7731", "CANARY-CREATOR-19");
  const testing::FoundMetadata before = testing::ReadMetadata(original);
  ASSERT_GT(before.gps_count, 0u);
  ASSERT_GT(before.xmp_count, 0u);
  ASSERT_GT(before.iptc_count, 0u);

  auto cleaned = cleaner().Clean(original);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  for (const char* code : {"exif", "gps", "xmp", "iptc"}) EXPECT_TRUE(Has(cleaned->removed, code)) << code;
  const testing::FoundMetadata after = testing::ReadMetadata(cleaned->content);
  EXPECT_EQ(after.exif_count + after.xmp_count + after.iptc_count, 0u);
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY-SERIAL-7731"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY-CREATOR-19"));
  EXPECT_EQ(ImageDataFromSos(cleaned->content), ImageDataFromSos(original));
}

TEST_F(JpegCleaningTest, DropsCommentsVendorSegmentsAndTrailingData) {
  std::vector<uint8_t> jpeg = pillarbox::testing::BaselineJpeg(16, 16, 1);
  const std::vector<uint8_t> comment = {0xFF, 0xFE, 0x00, 0x0D, 'C', 'A', 'N', 'A', 'R', 'Y', '-', 'C', 'O', 'M', '!'};
  const std::vector<uint8_t> vendor = {0xFF, 0xEC, 0x00, 0x0C, 'C', 'A', 'N', 'A', 'R', 'Y', '-', 'A', 'P', 'P'};
  jpeg.insert(jpeg.begin() + 20, vendor.begin(), vendor.end());
  jpeg.insert(jpeg.begin() + 20, comment.begin(), comment.end());
  const std::string trailer = "PK\x03\x04" "CANARY-TRAILER";
  jpeg.insert(jpeg.end(), trailer.begin(), trailer.end());

  auto cleaned = cleaner().Clean(jpeg);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_TRUE(Has(cleaned->removed, "comment"));
  EXPECT_TRUE(Has(cleaned->removed, "other_metadata"));
  EXPECT_TRUE(Has(cleaned->removed, "trailing_data"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY"));
  EXPECT_EQ(cleaned->content.back(), 0xD9);
  EXPECT_EQ(ImageDataFromSos(cleaned->content), ImageDataFromSos(jpeg));
}

TEST_F(JpegCleaningTest, CleanJpegKeepsEveryByte) {
  const std::vector<uint8_t> jpeg = pillarbox::testing::BaselineJpeg(16, 8, 2);
  auto cleaned = cleaner().Clean(jpeg);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_TRUE(cleaned->removed.empty());
  EXPECT_EQ(cleaned->content, jpeg);
}

}  // namespace
}  // namespace pillarbox::media
