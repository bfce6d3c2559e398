// Parsing multipart/form-data bodies (RFC 7578), for the reporter pages'
// plain file-upload form, which must work without JavaScript and so sends a
// whole file in one request. Strict and bounded: a part count cap, a header
// size cap, CRLF line ends only, and a closing delimiter required, so a
// truncated body is refused rather than half-read. Parts are views into the
// body: no file is copied. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pillarbox::http {

// One form field or file.
struct FormPart {
  std::string name;                     // the form field's name
  std::optional<std::string> filename;  // set for a file input (may be "")
  std::string content_type;             // as sent, lowercased; "" when absent
  std::string_view content;             // view into the parsed body
};

struct MultipartLimits {
  size_t max_parts = 8;
  size_t max_part_header_bytes = 2048;
};

// The boundary parameter of a multipart/form-data Content-Type value.
// UnsupportedMedia when `content_type` is not multipart/form-data;
// InvalidArgument (field "Content-Type") when the boundary is missing, empty,
// longer than 70 characters or has characters RFC 2046 does not allow.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Splits `body` into its parts using the boundary from `content_type`.
// InvalidArgument (field "body") when the delimiters are missing or out of
// place, the closing delimiter is absent (truncated upload), a part header is
// malformed, too long or lacks a Content-Disposition form-data name, or there
// are more than limits.max_parts parts. The message never echoes the body.
// The returned views point into `body`, which must outlive them.
Result<std::vector<FormPart>> ParseMultipartForm(std::string_view content_type, std::string_view body,
                                                 const MultipartLimits& limits = {});

}  // namespace pillarbox::http
