#include "common/status.h"

namespace pillarbox {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kPermissionDenied: return "permission_denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kPayloadTooLarge: return "payload_too_large";
    case StatusCode::kUnsupportedMedia: return "unsupported_media_type";
    case StatusCode::kResourceExhausted: return "resource_exhausted";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kDataLoss: return "data_loss";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

Status Status::WithFieldPrefix(std::string_view prefix) const {
  Status copy = *this;
  copy.field_ = field_.empty() ? std::string(prefix) : std::string(prefix) + "." + field_;
  return copy;
}

std::string Status::ToString() const {
  std::string out(StatusCodeName(code_));
  if (!message_.empty()) out += ": " + message_;
  if (!field_.empty()) out += " (" + field_ + ")";
  return out;
}

}  // namespace pillarbox
