#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cleaner_fixture.h"
#include "media_fixtures.h"
#include "support/jpeg_fixture.h"

namespace pillarbox::media {
namespace {

using pillarbox::testing::ContainsBytes;
using testing::Has;

std::vector<uint8_t> Bytes(const std::string& text) { return {text.begin(), text.end()}; }

TEST(AcceptedKindsTest, PlainUtf8TextIsKeptAsIs) {
  const std::vector<uint8_t> text = Bytes("My manager's message, copied:\r\n\tcaf\xC3\xA9 \xE2\x82\xAC 5\nend\n");
  auto cleaned = testing::SharedCleaner().Clean(text);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "text/plain");
  EXPECT_EQ(cleaned->extension, "txt");
  EXPECT_EQ(cleaned->content, text);
  EXPECT_TRUE(cleaned->removed.empty());
  EXPECT_TRUE(cleaned->warnings.empty());
}

TEST(AcceptedKindsTest, PdfIsKeptWithAWarning) {
  const std::vector<uint8_t> pdf = Bytes(
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
      "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  auto cleaned = testing::SharedCleaner().Clean(pdf);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "application/pdf");
  EXPECT_EQ(cleaned->extension, "pdf");
  EXPECT_EQ(cleaned->content, pdf);
  EXPECT_EQ(cleaned->warnings, std::vector<std::string>{"pdf_metadata_kept"});
}

TEST(AcceptedKindsTest, PngTextChunksAreRemoved) {
  const std::vector<uint8_t> png = testing::Png("CANARY-PNG-AUTHOR");
  ASSERT_TRUE(ContainsBytes(png, "CANARY-PNG-AUTHOR"));
  auto cleaned = testing::SharedCleaner().Clean(png);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "image/png");
  EXPECT_EQ(cleaned->extension, "png");
  EXPECT_TRUE(Has(cleaned->removed, "comment"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY"));
  EXPECT_EQ(cleaned->content, testing::Png(""));  // the same picture, chunk for chunk
}

TEST(AcceptedKindsTest, Mp3TagsAndPicturesAreRemovedAndFramesKept) {
  const std::vector<uint8_t> frames = testing::MpegFrames(20);
  const std::vector<uint8_t> tagged = testing::WithId3Tags(frames, "CANARY-TITLE-5521", "CANARY-PICTURE");
  ASSERT_TRUE(ContainsBytes(tagged, "CANARY-TITLE-5521"));
  ASSERT_GT(tagged.size(), frames.size());
  auto cleaned = testing::SharedCleaner().Clean(tagged);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "audio/mpeg");
  EXPECT_EQ(cleaned->extension, "mp3");
  EXPECT_TRUE(Has(cleaned->removed, "audio_tags"));
  EXPECT_TRUE(Has(cleaned->removed, "embedded_pictures"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY"));
  EXPECT_EQ(cleaned->content, frames);
}

TEST(AcceptedKindsTest, UntaggedMp3IsKeptByteForByte) {
  const std::vector<uint8_t> frames = testing::MpegFrames(10);
  auto cleaned = testing::SharedCleaner().Clean(frames);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_TRUE(cleaned->removed.empty());
  EXPECT_EQ(cleaned->content, frames);
}

TEST(AcceptedKindsTest, WavInfoTitleIsRemovedAndSamplesKept) {
  const std::vector<uint8_t> wav = testing::Wav(4000, "CANARY-WAV-TITLE");
  auto cleaned = testing::SharedCleaner().Clean(wav);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "audio/x-wav");
  EXPECT_EQ(cleaned->extension, "wav");
  EXPECT_TRUE(Has(cleaned->removed, "audio_tags"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY"));
  EXPECT_EQ(testing::WavData(cleaned->content), testing::WavData(wav));
  EXPECT_FALSE(testing::WavData(wav).empty());
  EXPECT_EQ(cleaned->content, testing::Wav(4000, ""));
}

TEST(AcceptedKindsTest, WavBroadcastAndXmpChunksAreRemoved) {
  std::vector<uint8_t> wav = testing::Wav(100, "");
  const std::string extra = std::string("bext\x0C\0\0\0", 8) + "CANARY-BEXT!" + std::string("_PMX\x0A\0\0\0", 8) +
                            "CANARY-XMP";
  wav.insert(wav.begin() + 12, extra.begin(), extra.end());
  const uint32_t riff_size = static_cast<uint32_t>(wav.size() - 8);
  for (int i = 0; i < 4; ++i) wav[4 + i] = static_cast<uint8_t>(riff_size >> (8 * i));
  auto cleaned = testing::SharedCleaner().Clean(wav);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_TRUE(Has(cleaned->removed, "audio_tags"));
  EXPECT_TRUE(Has(cleaned->removed, "xmp"));
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY"));
  EXPECT_EQ(cleaned->content, testing::Wav(100, ""));
}

}  // namespace
}  // namespace pillarbox::media

namespace pillarbox::media {
namespace {

TEST(AcceptedKindsFlacTest, VorbisCommentAndPicturesAreRemovedAndFramesKept) {
  const std::vector<uint8_t> audio = testing::FlacAudio(5000);
  const std::vector<uint8_t> flac = testing::Flac("CANARY-FLAC-TITLE", audio);
  auto cleaned = testing::SharedCleaner().Clean(flac);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->media_type, "audio/flac");
  EXPECT_EQ(cleaned->extension, "flac");
  EXPECT_TRUE(testing::Has(cleaned->removed, "audio_tags"));
  EXPECT_TRUE(testing::Has(cleaned->removed, "embedded_pictures"));
  EXPECT_FALSE(pillarbox::testing::ContainsBytes(cleaned->content, "CANARY"));
  ASSERT_GE(cleaned->content.size(), audio.size());
  EXPECT_TRUE(std::equal(audio.begin(), audio.end(), cleaned->content.end() - static_cast<std::ptrdiff_t>(audio.size())));
}

}  // namespace
}  // namespace pillarbox::media
