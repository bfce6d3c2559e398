#include "bundles/redaction_text.h"

#include <algorithm>

namespace pillarbox::bundles {
namespace {

// True when byte `offset` of `text` starts a character (or is the end).
bool OnCharacterBoundary(std::string_view text, int64_t offset) {
  if (offset == static_cast<int64_t>(text.size())) return true;
  const auto byte = static_cast<unsigned char>(text[static_cast<size_t>(offset)]);
  return (byte & 0xC0) != 0x80;  // not a continuation byte
}

}  // namespace

Status CheckSpan(std::string_view text, const TextSpan& span) {
  const auto size = static_cast<int64_t>(text.size());
  if (span.start < 0 || span.end <= span.start || span.end > size) {
    return Status::InvalidArgument("must lie within the answer: 0 <= start < end <= its length in bytes", "span");
  }
  if (!OnCharacterBoundary(text, span.start) || !OnCharacterBoundary(text, span.end)) {
    return Status::InvalidArgument("must not split a UTF-8 character", "span");
  }
  return Status::Ok();
}

std::vector<TextSpan> MergeSpans(std::vector<TextSpan> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
  std::vector<TextSpan> merged;
  for (const TextSpan& span : spans) {
    if (!merged.empty() && span.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

Result<std::string> ApplyRedactions(std::string_view text, bool whole_field, const std::vector<TextSpan>& spans) {
  for (const TextSpan& span : spans) PB_RETURN_IF_ERROR(CheckSpan(text, span));
  if (whole_field) return std::string(kRedactedMarker);
  std::string out;
  size_t kept_from = 0;
  for (const TextSpan& span : MergeSpans(spans)) {
    out.append(text.substr(kept_from, static_cast<size_t>(span.start) - kept_from));
    out.append(kRedactedMarker);
    kept_from = static_cast<size_t>(span.end);
  }
  out.append(text.substr(kept_from));
  return out;
}

}  // namespace pillarbox::bundles
