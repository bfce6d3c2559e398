// UTF-8 checks for text answers. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace pillarbox::intake {

// True when `text` is well-formed UTF-8 (RFC 3629): no overlong encodings, no
// UTF-16 surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated or
// stray continuation bytes.
bool IsValidUtf8(std::string_view text);

// The number of code points in `text`, which must be valid UTF-8
// (IsValidUtf8); for other input the count is of non-continuation bytes.
size_t CodePointCount(std::string_view text);

}  // namespace pillarbox::intake
