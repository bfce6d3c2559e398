#include "http/status_mapping.h"

#include <nlohmann/json.hpp>

namespace pillarbox::http {

int HttpCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kConflict: return 409;
    case StatusCode::kPayloadTooLarge: return 413;
    case StatusCode::kUnsupportedMedia: return 415;
    case StatusCode::kResourceExhausted: return 503;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kFailedPrecondition: return 500;
    case StatusCode::kDataLoss: return 500;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

std::string ErrorBody(const Status& status) {
  const bool internal = HttpCodeFor(status) >= 500 && status.code() != StatusCode::kResourceExhausted &&
                        status.code() != StatusCode::kUnavailable;
  nlohmann::json error = {
      {"code", StatusCodeName(status.code())},
      {"message", internal ? std::string("internal error") : status.message()},
  };
  if (!status.field().empty() && !internal) error["field"] = status.field();
  return nlohmann::json{{"error", std::move(error)}}.dump();
}

}  // namespace pillarbox::http
