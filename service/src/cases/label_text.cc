#include "cases/label_text.h"

#include <algorithm>

#include "intake/utf8.h"

namespace pillarbox::cases {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True when valid UTF-8 `text` holds a C0 or C1 control character or DEL.
bool HasControlCharacter(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    // U+0080..U+009F are encoded C2 80..C2 9F.
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

}  // namespace

Result<std::string> NormalizeTagName(std::string_view raw) {
  const auto first = std::find_if_not(raw.begin(), raw.end(), IsAsciiSpace);
  const auto last = std::find_if_not(raw.rbegin(), raw.rend(), IsAsciiSpace).base();
  const std::string_view name = first < last ? std::string_view(&*first, static_cast<size_t>(last - first)) : "";
  if (!intake::IsValidUtf8(name)) return Status::InvalidArgument("must be valid UTF-8", "name");
  const size_t chars = intake::CodePointCount(name);
  if (chars < 1 || chars > kMaxTagNameChars) return Status::InvalidArgument("must be 1 to 64 characters", "name");
  if (HasControlCharacter(name)) return Status::InvalidArgument("must not contain control characters", "name");
  return std::string(name);
}

}  // namespace pillarbox::cases
