#include "media/wave_chunks.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace pillarbox::media {
namespace {

Status NotAWave() { return Status::InvalidArgument("the file is not a complete WAV file", "file"); }

uint32_t Le32(std::span<const uint8_t> bytes, size_t at) {
  return uint32_t{bytes[at]} | (uint32_t{bytes[at + 1]} << 8) | (uint32_t{bytes[at + 2]} << 16) |
         (uint32_t{bytes[at + 3]} << 24);
}

void PutLe32(std::vector<uint8_t>& bytes, size_t at, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<uint8_t>(value >> (8 * i));
}

void AddCode(std::vector<std::string>& codes, const std::string& code) {
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

}  // namespace

Result<CleanedBytes> FilterWaveChunks(std::span<const uint8_t> content) {
  if (content.size() < 12 || std::memcmp(content.data(), "RIFF", 4) != 0 ||
      std::memcmp(content.data() + 8, "WAVE", 4) != 0) {
    return NotAWave();
  }
  const size_t riff_end = std::min(content.size(), size_t{Le32(content, 4)} + 8);
  CleanedBytes out;
  out.content.assign(content.begin(), content.begin() + 12);
  bool has_format = false;
  bool has_data = false;
  size_t pos = 12;
  while (pos + 8 <= riff_end) {
    const std::string_view id(reinterpret_cast<const char*>(content.data() + pos), 4);
    size_t size = Le32(content, pos + 4);
    if (size > riff_end - pos - 8) {
      if (id != "data") return NotAWave();
      size = riff_end - pos - 8;  // an interrupted recording: keep what is there
    }
    const size_t padded = size + (size % 2);
    if (id == "fmt " || id == "fact" || id == "data") {
      const size_t at = out.content.size();
      out.content.insert(out.content.end(), content.begin() + static_cast<std::ptrdiff_t>(pos),
                         content.begin() + static_cast<std::ptrdiff_t>(std::min(pos + 8 + padded, riff_end)));
      PutLe32(out.content, at + 4, static_cast<uint32_t>(size));
      if (out.content.size() % 2 != 0) out.content.push_back(0);
      has_format = has_format || id == "fmt ";
      has_data = has_data || id == "data";
    } else {
      AddCode(out.removed, id == "_PMX" ? "xmp" : "audio_tags");
    }
    pos += 8 + padded;
  }
  if (!has_format || !has_data) return NotAWave();
  if (riff_end < content.size()) AddCode(out.removed, "trailing_data");
  PutLe32(out.content, 4, static_cast<uint32_t>(out.content.size() - 8));
  return out;
}

}  // namespace pillarbox::media
