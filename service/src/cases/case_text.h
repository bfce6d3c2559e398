// Checks for the free text reviewers write into cases (titles, summaries,
// notes) before it is sealed. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::cases {

inline constexpr size_t kMaxTitleChars = 200;
inline constexpr size_t kMaxSummaryChars = 20000;
inline constexpr size_t kMaxNoteChars = 20000;

// `text` ready to seal: CRLF turned into LF when `multiline`. InvalidArgument
// naming `field` when it is not valid UTF-8, holds a control character (tab
// and newline are allowed when `multiline`), is blank while `min_chars` > 0,
// or has fewer than `min_chars` or more than `max_chars` code points. The
// message never repeats the text.
Result<std::string> CheckCaseText(std::string_view text, const char* field, size_t min_chars, size_t max_chars,
                                  bool multiline);

}  // namespace pillarbox::cases
