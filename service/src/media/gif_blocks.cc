#include "media/gif_blocks.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace pillarbox::media {
namespace {

constexpr uint8_t kExtension = 0x21;
constexpr uint8_t kImage = 0x2C;
constexpr uint8_t kTrailer = 0x3B;
constexpr uint8_t kCommentLabel = 0xFE;
constexpr uint8_t kApplicationLabel = 0xFF;

Status NotAGif() { return Status::InvalidArgument("the file is not a complete GIF image", "file"); }

void AddCode(std::vector<std::string>& codes, const std::string& code) {
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

class Walker {
 public:
  explicit Walker(std::span<const uint8_t> in) : in_(in) {}

  Result<CleanedBytes> Run() {
    if (in_.size() < 13 || (std::memcmp(in_.data(), "GIF87a", 6) != 0 && std::memcmp(in_.data(), "GIF89a", 6) != 0)) {
      return NotAGif();
    }
    size_t end = 13 + ColorTableSize(in_[10]);
    if (end > in_.size()) return NotAGif();
    Keep(0, end);
    pos_ = end;
    while (pos_ < in_.size()) {
      const uint8_t introducer = in_[pos_];
      if (introducer == kTrailer) {
        Keep(pos_, pos_ + 1);
        if (pos_ + 1 < in_.size()) AddCode(out_.removed, "trailing_data");
        return std::move(out_);
      }
      const bool ok = introducer == kExtension ? Extension() : introducer == kImage ? Image() : false;
      if (!ok) return NotAGif();
    }
    return NotAGif();
  }

 private:
  static size_t ColorTableSize(uint8_t packed) { return (packed & 0x80) ? 3u * (2u << (packed & 0x07)) : 0u; }

  void Keep(size_t from, size_t to) {
    out_.content.insert(out_.content.end(), in_.begin() + static_cast<std::ptrdiff_t>(from),
                        in_.begin() + static_cast<std::ptrdiff_t>(to));
  }

  // The end of the data sub-blocks starting at `at` (after the terminator);
  // 0 when they run past the end.
  size_t SubBlocksEnd(size_t at) const {
    while (at < in_.size()) {
      const size_t size = in_[at];
      if (size == 0) return at + 1;
      at += 1 + size;
    }
    return 0;
  }

  bool Extension() {
    if (pos_ + 2 > in_.size()) return false;
    const uint8_t label = in_[pos_ + 1];
    const size_t end = SubBlocksEnd(pos_ + 2);
    if (end == 0) return false;
    if (label == kCommentLabel) {
      AddCode(out_.removed, "comment");
    } else if (label == kApplicationLabel && !IsLooping()) {
      AddCode(out_.removed, IsApplication("XMP DataXMP") ? "xmp" : "other_metadata");
    } else {
      Keep(pos_, end);
    }
    pos_ = end;
    return true;
  }

  bool IsApplication(std::string_view identifier) const {
    const size_t at = pos_ + 2;  // the first sub-block: size then identifier + code
    return at + 1 + identifier.size() <= in_.size() && in_[at] == identifier.size() &&
           std::memcmp(in_.data() + at + 1, identifier.data(), identifier.size()) == 0;
  }
  bool IsLooping() const { return IsApplication("NETSCAPE2.0") || IsApplication("ANIMEXTS1.0"); }

  bool Image() {
    if (pos_ + 10 > in_.size()) return false;
    const size_t data = pos_ + 10 + ColorTableSize(in_[pos_ + 9]) + 1;  // + LZW minimum code size
    if (data > in_.size()) return false;
    const size_t end = SubBlocksEnd(data);
    if (end == 0) return false;
    Keep(pos_, end);
    pos_ = end;
    return true;
  }

  std::span<const uint8_t> in_;
  size_t pos_ = 0;
  CleanedBytes out_;
};

}  // namespace

Result<CleanedBytes> FilterGifBlocks(std::span<const uint8_t> content) { return Walker(content).Run(); }

}  // namespace pillarbox::media
