// Checks for the text reviewers type: tag names (stored in clear, so short
// and free of control characters). Note and message bodies (sealed) are
// checked by intake::ValidateTextBody (intake/text_body.h), shared with the
// reporter's side. Error messages never echo the text. Pure functions;
// thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::cases {

inline constexpr size_t kMaxTagNameChars = 64;

// `raw` without leading and trailing ASCII whitespace, when it is valid UTF-8
// of 1..kMaxTagNameChars code points with no control character (U+0000..U+001F,
// U+007F..U+009F). InvalidArgument naming "name" otherwise.
Result<std::string> NormalizeTagName(std::string_view raw);

}  // namespace pillarbox::cases
