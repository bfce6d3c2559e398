// Validation of audit events (declared in audit/audit_event.h).
#include "audit/audit_event.h"

#include <string_view>

namespace pillarbox::audit {
namespace {

constexpr size_t kMaxActor = 64;
constexpr size_t kMaxAction = 64;
constexpr size_t kMaxActionSegments = 8;
constexpr size_t kMaxObjectType = 32;
constexpr size_t kMaxObjectId = 128;
constexpr size_t kMaxDetail = 256;

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsNameChar(char c) { return IsLower(c) || IsDigit(c) || c == '_'; }
bool IsIdChar(char c) { return IsLower(c) || IsUpper(c) || IsDigit(c) || c == '_' || c == '.' || c == ':' || c == '-'; }

// True when every character of `text` satisfies `allowed`.
template <typename Predicate>
bool AllOf(std::string_view text, Predicate allowed) {
  for (char c : text) {
    if (!allowed(c)) return false;
  }
  return true;
}

// "segment.segment[...]" with 2 to kMaxActionSegments non-empty [a-z0-9_] segments.
bool IsDottedName(std::string_view action) {
  if (action.empty() || action.size() > kMaxAction) return false;
  size_t segments = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = action.find('.', start);
    const std::string_view segment = action.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (segment.empty() || !AllOf(segment, IsNameChar)) return false;
    ++segments;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return segments >= 2 && segments <= kMaxActionSegments;
}

bool IsDetailPair(std::string_view pair) {
  const size_t equals = pair.find('=');
  if (equals == std::string_view::npos || equals == 0) return false;
  return AllOf(pair.substr(0, equals), IsNameChar) && AllOf(pair.substr(equals + 1), IsIdChar);
}

bool IsDetail(std::string_view detail) {
  if (detail.empty()) return true;
  if (detail.size() > kMaxDetail) return false;
  size_t start = 0;
  while (true) {
    const size_t semicolon = detail.find(';', start);
    const size_t length = semicolon == std::string_view::npos ? semicolon : semicolon - start;
    if (!IsDetailPair(detail.substr(start, length))) return false;
    if (semicolon == std::string_view::npos) return true;
    start = semicolon + 1;
  }
}

}  // namespace

Status ValidateAuditEvent(const AuditEvent& event) {
  if (event.actor.empty() || event.actor.size() > kMaxActor || !AllOf(event.actor, IsIdChar)) {
    return Status::InvalidArgument("must be 1-64 of A-Z, a-z, 0-9, '_', '.', ':', '-'", "actor");
  }
  if (!IsDottedName(event.action)) {
    return Status::InvalidArgument("must be 2-8 dotted segments of a-z, 0-9, '_'", "action");
  }
  if (event.object_type.empty() || event.object_type.size() > kMaxObjectType ||
      !AllOf(event.object_type, [](char c) { return IsLower(c) || c == '_'; })) {
    return Status::InvalidArgument("must be 1-32 of a-z, '_'", "object_type");
  }
  if (event.object_id.size() > kMaxObjectId || !AllOf(event.object_id, IsIdChar)) {
    return Status::InvalidArgument("must be 0-128 of A-Z, a-z, 0-9, '_', '.', ':', '-'", "object_id");
  }
  if (!IsDetail(event.detail)) {
    return Status::InvalidArgument("must be \"\" or key=value pairs joined by ';' of closed values", "detail");
  }
  return Status::Ok();
}

}  // namespace pillarbox::audit
