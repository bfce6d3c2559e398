// Cleaning ~5 MiB files: the results are checked, and the time is printed (a
// quick measurement for the report; the bound is generous so a loaded CI
// machine does not fail it, but a pathological slowdown does).
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "cleaner_fixture.h"
#include "media_fixtures.h"
#include "support/jpeg_fixture.h"

namespace pillarbox::media {
namespace {

using pillarbox::testing::ContainsBytes;


template <typename Body>
std::chrono::milliseconds Timed(Body body) {
  const auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

TEST(LargeFileTimingTest, FiveMebibyteJpeg) {
  const std::vector<uint8_t> jpeg = pillarbox::testing::JpegWithGpsExif("CANARY-SERIAL-7731", 65528, 16384);
  ASSERT_GT(jpeg.size(), 4u << 20);
  Result<intake::CleanedEvidence> cleaned = Status::Internal("not run");
  const auto elapsed = Timed([&] { cleaned = testing::SharedCleaner().Clean(jpeg); });
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_FALSE(ContainsBytes(cleaned->content, "CANARY-SERIAL-7731"));
  EXPECT_EQ(pillarbox::testing::ImageDataFromSos(cleaned->content), pillarbox::testing::ImageDataFromSos(jpeg));
  std::cout << "cleaning a " << jpeg.size() << "-byte JPEG took " << elapsed.count() << " ms\n";
}

TEST(LargeFileTimingTest, FiveMebibyteMp3) {
  const std::vector<uint8_t> frames = testing::MpegFrames(12600);
  const std::vector<uint8_t> mp3 = testing::WithId3Tags(frames, "CANARY-TITLE", std::string(300000, 'p') + "CANARY");
  ASSERT_GT(mp3.size(), 5u << 20);
  Result<intake::CleanedEvidence> cleaned = Status::Internal("not run");
  const auto elapsed = Timed([&] { cleaned = testing::SharedCleaner().Clean(mp3); });
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned->content, frames);
  std::cout << "cleaning a " << mp3.size() << "-byte MP3 took " << elapsed.count() << " ms\n";
}

}  // namespace
}  // namespace pillarbox::media
