// Decoding the body of POST /api/v1/reports into an intake::Submission.
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"
#include "intake/submission.h"

namespace pillarbox::http {

// Deepest nesting of JSON arrays and objects a submission may have (the top
// level object counts as 1).
inline constexpr size_t kMaxJsonDepth = 8;

// Decodes `body`, which must be {"kind": <string>, "answers": {<name>: <value>}}.
// Errors, all InvalidArgument, never echoing a value:
// - nesting deeper than kMaxJsonDepth: "JSON nesting is too deep", field ""
//   (checked by a linear scan before the parser runs);
// - not JSON, or strings with invalid UTF-8: "body is not valid JSON";
// - not an object, or "kind" or "answers" missing or of the wrong type;
// - any other top-level key: field is the key (or "" for a key that is not a
//   plain [a-z0-9_] identifier of at most 64 characters).
// Answer values: a string is kept, an array of strings becomes a list, null
// means unanswered (no entry), and anything else becomes OtherType naming its
// JSON type ("number", "boolean", "object", "array of non-strings"), which
// the validator rejects with the field's name.
Result<intake::Submission> DecodeSubmission(std::string_view body);

}  // namespace pillarbox::http
