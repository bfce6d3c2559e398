#include "media/jpeg_segments.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace pillarbox::media {
namespace {

constexpr uint8_t kSoi = 0xD8;
constexpr uint8_t kEoi = 0xD9;
constexpr uint8_t kSos = 0xDA;
constexpr uint8_t kCom = 0xFE;

Status NotAJpeg() { return Status::InvalidArgument("the file is not a complete JPEG image", "file"); }

bool IsAppOrComment(uint8_t marker) { return (marker >= 0xE0 && marker <= 0xEF) || marker == kCom; }
bool IsStandalone(uint8_t marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

bool PayloadStartsWith(std::span<const uint8_t> payload, std::string_view prefix) {
  return payload.size() >= prefix.size() && std::memcmp(payload.data(), prefix.data(), prefix.size()) == 0;
}

// True for the APPn segments a decoder needs to show the picture right.
bool IsKeptApp(uint8_t marker, std::span<const uint8_t> payload) {
  if (marker == 0xE0) return PayloadStartsWith(payload, std::string_view("JFIF\0", 5)) ||
                             PayloadStartsWith(payload, std::string_view("JFXX\0", 5));
  if (marker == 0xE2) return PayloadStartsWith(payload, std::string_view("ICC_PROFILE\0", 12));
  if (marker == 0xEE) return PayloadStartsWith(payload, "Adobe");
  return false;
}

std::string DroppedCode(uint8_t marker, std::span<const uint8_t> payload) {
  if (marker == kCom) return "comment";
  if (marker == 0xE1 && PayloadStartsWith(payload, std::string_view("Exif\0", 5))) return "exif";
  if (marker == 0xE1 && PayloadStartsWith(payload, "http://ns.adobe.com/")) return "xmp";
  if (marker == 0xED) return "iptc";
  return "other_metadata";
}

void AddCode(std::vector<std::string>& codes, const std::string& code) {
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

class Walker {
 public:
  explicit Walker(std::span<const uint8_t> in) : in_(in) {}

  Result<CleanedBytes> Run() {
    if (in_.size() < 4 || in_[0] != 0xFF || in_[1] != kSoi) return NotAJpeg();
    Copy(0, 2);
    pos_ = 2;
    bool in_scan = false;
    while (true) {
      if (in_scan && !SkipEntropyData()) return NotAJpeg();
      if (!SkipFill()) return NotAJpeg();
      const uint8_t marker = in_[pos_ + 1];
      if (marker == kEoi) {
        if (!in_scan) return NotAJpeg();
        Copy(pos_, 2);
        if (pos_ + 2 < in_.size()) AddCode(out_.removed, "trailing_data");
        return std::move(out_);
      }
      if (marker == kSoi || IsStandalone(marker)) return NotAJpeg();
      if (!Segment(marker)) return NotAJpeg();
      if (marker == kSos) in_scan = true;
    }
  }

 private:
  void Copy(size_t from, size_t count) {
    out_.content.insert(out_.content.end(), in_.begin() + static_cast<std::ptrdiff_t>(from),
                        in_.begin() + static_cast<std::ptrdiff_t>(from + count));
  }

  // Moves pos_ to the next marker's 0xFF, past fill bytes; false at the end.
  bool SkipFill() {
    if (pos_ + 1 >= in_.size() || in_[pos_] != 0xFF) return false;
    while (pos_ + 1 < in_.size() && in_[pos_ + 1] == 0xFF) ++pos_;
    return pos_ + 1 < in_.size();
  }

  // Copies one length-prefixed segment at pos_ (or drops it if metadata).
  bool Segment(uint8_t marker) {
    if (pos_ + 4 > in_.size()) return false;
    const size_t length = (size_t{in_[pos_ + 2]} << 8) | in_[pos_ + 3];
    if (length < 2 || pos_ + 2 + length > in_.size()) return false;
    const std::span<const uint8_t> payload = in_.subspan(pos_ + 4, length - 2);
    if (IsAppOrComment(marker) && !IsKeptApp(marker, payload)) {
      AddCode(out_.removed, DroppedCode(marker, payload));
    } else {
      Copy(pos_, 2 + length);
    }
    pos_ += 2 + length;
    return true;
  }

  // Copies entropy-coded data up to the next real marker (not a stuffed
  // 0xFF00 and not a restart marker); false when the data runs to the end.
  bool SkipEntropyData() {
    const size_t start = pos_;
    while (pos_ + 1 < in_.size()) {
      if (in_[pos_] == 0xFF) {
        const uint8_t next = in_[pos_ + 1];
        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
          Copy(start, pos_ - start);
          return true;
        }
        pos_ += 2;
      } else {
        ++pos_;
      }
    }
    return false;
  }

  std::span<const uint8_t> in_;
  size_t pos_ = 0;
  CleanedBytes out_;
};

}  // namespace

Result<CleanedBytes> FilterJpegSegments(std::span<const uint8_t> content) { return Walker(content).Run(); }

}  // namespace pillarbox::media
