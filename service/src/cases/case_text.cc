#include "cases/case_text.h"

#include <algorithm>

#include "intake/utf8.h"

namespace pillarbox::cases {
namespace {

using intake::HasForbiddenControl;
using intake::NormalizeLineBreaks;

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
