#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cleaner_fixture.h"
#include "exiv2_test_helpers.h"
#include "media_fixtures.h"
#include "support/jpeg_fixture.h"

namespace pillarbox::media {
namespace {

using pillarbox::testing::ContainsBytes;
using testing::Has;

TEST(MoreImagesTest, GifCommentAndXmpExtensionsAreRemoved) {
  const std::vector<uint8_t> gif = testing::Gif("CANARY-GIF-NOTE");
  auto cleaned = testing::SharedCleaner().Clean(gif);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "image/gif");
  EXPECT_EQ(cleaned->extension, "gif");
  EXPECT_TRUE(Has(cleaned->removed, "comment"));
  EXPECT_TRUE(Has(cleaned->removed, "xmp"));
  EXPECT_TRUE(cleaned->warnings.empty());
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY"));
  EXPECT_EQ(cleaned->content, testing::Gif(""));  // looping extension and image kept byte for byte
}

TEST(MoreImagesTest, TruncatedGifIsRefused) {
  const std::vector<uint8_t> gif = testing::Gif("");
  auto cleaned = testing::SharedCleaner().Clean(std::vector<uint8_t>(gif.begin(), gif.end() - 4));
  ASSERT_FALSE(cleaned.ok());
  EXPECT_EQ(cleaned.status().field(), "file");
}

TEST(MoreImagesTest, WebpExifAndXmpAreRemoved) {
  const std::vector<uint8_t> webp = testing::AddCameraMetadata(testing::TinyWebp(), "CANARY-SERIAL-7731", "");
  const testing::FoundMetadata before = testing::ReadMetadata(webp);
  ASSERT_GT(before.gps_count, 0u);
  auto cleaned = testing::SharedCleaner().Clean(webp);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "image/webp");
  EXPECT_EQ(cleaned->extension, "webp");
  EXPECT_TRUE(Has(cleaned->removed, "exif"));
  EXPECT_TRUE(Has(cleaned->removed, "gps"));
  const testing::FoundMetadata after = testing::ReadMetadata(cleaned->content);
  EXPECT_EQ(after.exif_count + after.xmp_count, 0u);
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY-SERIAL-7731"));
}

}  // namespace
}  // namespace pillarbox::media
