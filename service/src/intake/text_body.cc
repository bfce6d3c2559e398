#include "intake/text_body.h"

#include <algorithm>

#include "intake/utf8.h"

namespace pillarbox::intake {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

Status ValidateTextBody(std::string_view body) {
  if (!IsValidUtf8(body)) return Status::InvalidArgument("must be valid UTF-8", "body");
  const size_t chars = CodePointCount(body);
  if (chars > kMaxBodyChars) return Status::InvalidArgument("must be at most 10000 characters", "body");
  if (std::all_of(body.begin(), body.end(), IsAsciiSpace)) return Status::InvalidArgument("must not be empty", "body");
  return Status::Ok();
}

}  // namespace pillarbox::intake
