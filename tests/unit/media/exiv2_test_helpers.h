// exiv2 helpers for the media unit tests: read what metadata an image still
// carries, and add EXIF/GPS to an image the way a camera would.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pillarbox::media::testing {

// What exiv2 finds in an image's bytes.
struct FoundMetadata {
  size_t exif_count = 0;
  size_t gps_count = 0;
  size_t xmp_count = 0;
  size_t iptc_count = 0;
  std::string comment;
};

// Reads `image` with exiv2. Fails the current test when exiv2 cannot.
FoundMetadata ReadMetadata(std::span<const uint8_t> image);

// `image` with exiv2-written EXIF (camera serial `serial`, GPS latitude and
// longitude) and, when `xmp_creator` is not empty, XMP (dc:creator) and IPTC
// (byline) holding it.
std::vector<uint8_t> AddCameraMetadata(std::span<const uint8_t> image, const std::string& serial,
                                       const std::string& xmp_creator);

}  // namespace pillarbox::media::testing
