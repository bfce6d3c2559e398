#include "media/image_metadata.h"

#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>

namespace pillarbox::media {
namespace {

Status Unreadable() { return Status::InvalidArgument("the image could not be read", "file"); }

// exiv2 0.27 hands images out as std::auto_ptr: convert once, here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
std::unique_ptr<Exiv2::Image> OpenImage(std::span<const uint8_t> content) {
  Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(content.data(), static_cast<long>(content.size()));
  return std::unique_ptr<Exiv2::Image>(image.release());
}
#pragma GCC diagnostic pop

void LockXmpToolkit(void* data, bool lock) {
  auto* mutex = static_cast<std::mutex*>(data);
  if (lock) {
    mutex->lock();
  } else {
    mutex->unlock();
  }
}

bool HasGps(const Exiv2::ExifData& exif) {
  return std::any_of(exif.begin(), exif.end(),
                     [](const Exiv2::Exifdatum& datum) { return datum.groupName() == "GPSInfo"; });
}

std::vector<std::string> PresentMetadata(Exiv2::Image& image) {
  std::vector<std::string> present;
  if (!image.exifData().empty()) present.push_back("exif");
  if (HasGps(image.exifData())) present.push_back("gps");
  if (!image.xmpData().empty() || !image.xmpPacket().empty()) present.push_back("xmp");
  if (!image.iptcData().empty()) present.push_back("iptc");
  if (!image.comment().empty()) present.push_back("comment");
  return present;
}

std::vector<uint8_t> ReadBack(Exiv2::BasicIo& io) {
  io.seek(0, Exiv2::BasicIo::beg);
  const Exiv2::DataBuf buffer = io.read(static_cast<long>(io.size()));
  return std::vector<uint8_t>(buffer.pData_, buffer.pData_ + buffer.size_);
}

}  // namespace

void InitializeImageLibrary() {
  static std::once_flag once;
  static std::mutex xmp_mutex;
  std::call_once(once, [] {
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    Exiv2::XmpParser::initialize(&LockXmpToolkit, &xmp_mutex);
  });
}

Result<CleanedBytes> StripImageMetadata(std::span<const uint8_t> content, std::string_view expected_media_type) {
  try {
    std::unique_ptr<Exiv2::Image> image = OpenImage(content);
    if (image == nullptr || image->mimeType() != expected_media_type) return Unreadable();
    image->readMetadata();
    CleanedBytes stripped;
    stripped.removed = PresentMetadata(*image);
    // Not clearMetadata(): it also drops the ICC profile, which we keep.
    image->clearExifData();
    image->clearIptcData();
    image->clearXmpPacket();
    image->clearXmpData();
    image->clearComment();
    image->writeMetadata();
    stripped.content = ReadBack(image->io());
    if (stripped.content.empty()) return Unreadable();
    return stripped;
  } catch (const std::exception&) {  // Exiv2::AnyError and allocation failures on hostile sizes
    return Unreadable();
  } catch (...) {
    return Unreadable();
  }
}

}  // namespace pillarbox::media
