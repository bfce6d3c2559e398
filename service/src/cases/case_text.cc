#include "cases/case_text.h"

#include <algorithm>

#include "intake/utf8.h"

namespace pillarbox::cases {
namespace {

std::string NormalizeLineBreaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out.push_back(text[i]);
  }
  return out;
}

// True for C0 controls, DEL and C1 controls (U+0080..U+009F, encoded C2 80..C2 9F).
bool HasForbiddenControl(std::string_view text, bool allow_newline_and_tab) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (allow_newline_and_tab && (byte == '\n' || byte == '\t')) continue;
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

}  // namespace

Result<std::string> CheckCaseText(std::string_view text, const char* field, size_t min_chars, size_t max_chars,
                                  bool multiline) {
  if (!intake::IsValidUtf8(text)) return Status::InvalidArgument("is not valid UTF-8 text", field);
  std::string normalized = multiline ? NormalizeLineBreaks(text) : std::string(text);
  if (HasForbiddenControl(normalized, multiline)) return Status::InvalidArgument("contains a control character", field);
  const size_t chars = intake::CodePointCount(normalized);
  if (chars > max_chars) {
    return Status::InvalidArgument("is longer than " + std::to_string(max_chars) + " characters", field);
  }
  if (min_chars > 0 && (chars < min_chars || IsBlank(normalized))) {
    return Status::InvalidArgument("must not be empty", field);
  }
  return normalized;
}

}  // namespace pillarbox::cases
