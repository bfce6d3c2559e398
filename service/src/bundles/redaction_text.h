// Applying redactions to a decrypted answer: pure functions on UTF-8 text.
// A span is a byte range [start, end) of the answer; it must lie within the
// text and may not split a UTF-8 sequence, so what remains is still valid
// UTF-8 and no byte of a redacted character survives. Overlapping or
// touching spans are merged and each merged run becomes one visible marker.
// Thread-safe (no state).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pillarbox::bundles {

// What replaces redacted text (a whole field, or each merged span).
inline constexpr char kRedactedMarker[] = "[redacted]";

// A byte range [start, end) of an answer.
struct TextSpan {
  int64_t start = 0;
  int64_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

// Ok when `span` may redact part of `text`: 0 <= start < end <= text.size()
// and neither end falls inside a UTF-8 sequence. InvalidArgument naming
// "span" otherwise (the message never repeats the text).
Status CheckSpan(std::string_view text, const TextSpan& span);

// `spans` sorted and merged: overlapping or touching spans become one.
std::vector<TextSpan> MergeSpans(std::vector<TextSpan> spans);

// `text` with every span replaced by kRedactedMarker (merged spans give one
// marker), or just the marker when `whole_field`. InvalidArgument naming
// "span" when a span fails CheckSpan (nothing is returned then, so a bad
// span can never leave text unredacted).
Result<std::string> ApplyRedactions(std::string_view text, bool whole_field, const std::vector<TextSpan>& spans);

}  // namespace pillarbox::bundles
