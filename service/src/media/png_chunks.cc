#include "media/png_chunks.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace pillarbox::media {
namespace {

constexpr std::array<uint8_t, 8> kSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
constexpr std::string_view kKeptChunks[] = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
                                            "iCCP", "sBIT", "bKGD", "pHYs", "acTL", "fcTL", "fdAT"};

Status NotAPng() { return Status::InvalidArgument("the file is not a complete PNG image", "file"); }

uint32_t Be32(std::span<const uint8_t> bytes, size_t at) {
  return (uint32_t{bytes[at]} << 24) | (uint32_t{bytes[at + 1]} << 16) | (uint32_t{bytes[at + 2]} << 8) |
         uint32_t{bytes[at + 3]};
}

bool IsKept(std::string_view type) {
  return std::find(std::begin(kKeptChunks), std::end(kKeptChunks), type) != std::end(kKeptChunks);
}

std::string DroppedCode(std::string_view type, std::span<const uint8_t> data) {
  if (type == "eXIf") return "exif";
  if (type == "iTXt" && data.size() >= 17 && std::memcmp(data.data(), "XML:com.adobe.xmp", 17) == 0) return "xmp";
  if (type == "tEXt" || type == "zTXt" || type == "iTXt") return "comment";
  return "other_metadata";
}

void AddCode(std::vector<std::string>& codes, const std::string& code) {
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

}  // namespace

Result<CleanedBytes> FilterPngChunks(std::span<const uint8_t> content) {
  if (content.size() < kSignature.size() || !std::equal(kSignature.begin(), kSignature.end(), content.begin())) {
    return NotAPng();
  }
  CleanedBytes out;
  out.content.assign(content.begin(), content.begin() + kSignature.size());
  size_t pos = kSignature.size();
  bool first = true;
  while (pos + 12 <= content.size()) {
    const size_t length = Be32(content, pos);
    if (length > content.size() - pos - 12) return NotAPng();
    const std::string_view type(reinterpret_cast<const char*>(content.data() + pos + 4), 4);
    if (first && type != "IHDR") return NotAPng();
    first = false;
    const bool critical = (type[0] & 0x20) == 0;
    if (IsKept(type)) {
      out.content.insert(out.content.end(), content.begin() + static_cast<std::ptrdiff_t>(pos),
                         content.begin() + static_cast<std::ptrdiff_t>(pos + 12 + length));
    } else if (critical) {
      return NotAPng();
    } else {
      AddCode(out.removed, DroppedCode(type, content.subspan(pos + 8, length)));
    }
    pos += 12 + length;
    if (type == "IEND") {
      if (pos < content.size()) AddCode(out.removed, "trailing_data");
      return out;
    }
  }
  return NotAPng();
}

}  // namespace pillarbox::media
