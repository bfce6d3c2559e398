#include "exiv2_test_helpers.h"

#include <exiv2/exiv2.hpp>
#include <gtest/gtest.h>

#include <memory>

namespace pillarbox::media::testing {
namespace {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
std::unique_ptr<Exiv2::Image> Open(std::span<const uint8_t> image) {
  Exiv2::Image::AutoPtr opened = Exiv2::ImageFactory::open(image.data(), static_cast<long>(image.size()));
  return std::unique_ptr<Exiv2::Image>(opened.release());
}
#pragma GCC diagnostic pop

}  // namespace

FoundMetadata ReadMetadata(std::span<const uint8_t> image) {
  FoundMetadata found;
  try {
    std::unique_ptr<Exiv2::Image> opened = Open(image);
    opened->readMetadata();
    found.exif_count = opened->exifData().count();
    for (const auto& datum : opened->exifData()) {
      if (datum.groupName() == "GPSInfo") ++found.gps_count;
    }
    found.xmp_count = opened->xmpData().count();
    found.iptc_count = opened->iptcData().count();
    found.comment = opened->comment();
  } catch (const std::exception& error) {
    ADD_FAILURE() << "exiv2 could not read the image: " << error.what();
  }
  return found;
}

std::vector<uint8_t> AddCameraMetadata(std::span<const uint8_t> image, const std::string& serial,
                                       const std::string& xmp_creator) {
  std::unique_ptr<Exiv2::Image> opened = Open(image);
  opened->readMetadata();
  Exiv2::ExifData& exif = opened->exifData();
  exif["Exif.Image.Make"] = "PillarboxCam";
  exif["Exif.Photo.BodySerialNumber"] = serial;
  exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  exif["Exif.GPSInfo.GPSLatitude"] = Exiv2::Rational(48, 1);
  exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
  exif["Exif.GPSInfo.GPSLongitude"] = Exiv2::Rational(2, 1);
  if (!xmp_creator.empty()) {
    opened->xmpData()["Xmp.dc.creator"] = xmp_creator;
    opened->iptcData()["Iptc.Application2.Byline"] = xmp_creator;
  }
  opened->writeMetadata();
  Exiv2::BasicIo& io = opened->io();
  io.seek(0, Exiv2::BasicIo::beg);
  const Exiv2::DataBuf buffer = io.read(static_cast<long>(io.size()));
  return std::vector<uint8_t>(buffer.pData_, buffer.pData_ + buffer.size_);
}

}  // namespace pillarbox::media::testing
