// UTF-8 checks for text answers. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pillarbox::intake {

// True when `text` is well-formed UTF-8 (RFC 3629): no overlong encodings, no
// UTF-16 surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated or
// stray continuation bytes.
bool IsValidUtf8(std::string_view text);

// The number of code points in `text`, which must be valid UTF-8
// (IsValidUtf8); for other input the count is of non-continuation bytes.
size_t CodePointCount(std::string_view text);

// `text` with every CRLF turned into LF (browsers send CRLF from textareas).
std::string NormalizeLineBreaks(std::string_view text);

// True when `text` holds a C0 control, DEL or a C1 control (U+0080..U+009F,
// encoded C2 80..C2 9F); newline and tab are allowed when asked.
bool HasForbiddenControl(std::string_view text, bool allow_newline_and_tab);

}  // namespace pillarbox::intake
