#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "cleaner_fixture.h"
#include "media_fixtures.h"
#include "support/jpeg_fixture.h"

namespace pillarbox::media {
namespace {

using pillarbox::testing::ContainsBytes;

// Several threads clean different kinds at once through one cleaner (one
// libmagic handle): every result must be the one a lone call gives.
TEST(ConcurrencyTest, ThreadsCleaningAtOnceGetCorrectResults) {
  const std::vector<uint8_t> jpeg = pillarbox::testing::JpegWithGpsExif("CANARY-SERIAL-7731", 64, 64);
  const std::vector<uint8_t> mp3 = testing::WithId3Tags(testing::MpegFrames(30), "CANARY-TITLE", "CANARY-PIC");
  const std::vector<uint8_t> png = testing::Png("CANARY-PNG");
  const std::string text_string = "a plain note\n";
  const std::vector<uint8_t> text(text_string.begin(), text_string.end());
  const std::string html_string = "<!DOCTYPE html><html><body>x</body></html>\n";
  const std::vector<uint8_t> html(html_string.begin(), html_string.end());
  const std::vector<uint8_t> jpeg_image = pillarbox::testing::ImageDataFromSos(jpeg);

  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const intake::EvidenceCleaner& cleaner = testing::SharedCleaner();
        switch ((t + i) % 5) {
          case 0: {
            auto r = cleaner.Clean(jpeg);
            if (!r.ok() || r->media_type != "image/jpeg" || ContainsBytes(r->content, "CANARY") ||
                pillarbox::testing::ImageDataFromSos(r->content) != jpeg_image) ++failures;
            break;
          }
          case 1: {
            auto r = cleaner.Clean(mp3);
            if (!r.ok() || r->media_type != "audio/mpeg" || ContainsBytes(r->content, "CANARY")) ++failures;
            break;
          }
          case 2: {
            auto r = cleaner.Clean(png);
            if (!r.ok() || r->media_type != "image/png" || ContainsBytes(r->content, "CANARY")) ++failures;
            break;
          }
          case 3: {
            auto r = cleaner.Clean(text);
            if (!r.ok() || r->media_type != "text/plain" || r->content != text) ++failures;
            break;
          }
          default: {
            auto r = cleaner.Clean(html);
            if (r.ok() || r.status().field() != "file") ++failures;
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace pillarbox::media
