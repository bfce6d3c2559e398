// Checks for the text reviewers type: tag names (stored in clear, so short
// and free of control characters) and note and message bodies (sealed).
// Error messages never echo the text. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::cases {

inline constexpr size_t kMaxTagNameChars = 64;
inline constexpr size_t kMaxBodyChars = 10000;

// `raw` without leading and trailing ASCII whitespace, when it is valid UTF-8
// of 1..kMaxTagNameChars code points with no control character (U+0000..U+001F,
// U+007F..U+009F). InvalidArgument naming "name" otherwise.
Result<std::string> NormalizeTagName(std::string_view raw);

// Ok when `body` is valid UTF-8 of 1..kMaxBodyChars code points and not only
// whitespace. InvalidArgument naming "body" otherwise.
Status ValidateTextBody(std::string_view body);

}  // namespace pillarbox::cases
