// The check for free text people type into a conversation or a note: a
// reviewer's message or note (cases/), a reporter's answer (reporter/). The
// text is sealed, so only its shape is checked here; error messages never
// echo it. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"

namespace pillarbox::intake {

inline constexpr size_t kMaxBodyChars = 10000;

// Ok when `body` is valid UTF-8 of 1..kMaxBodyChars code points and not only
// whitespace. InvalidArgument naming "body" otherwise.
Status ValidateTextBody(std::string_view body);

}  // namespace pillarbox::intake
