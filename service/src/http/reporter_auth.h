// Authentication of reporters who came back with their receipt
// (intake/reporter_sessions.h). The JSON API sends the session token as
// "Authorization: Bearer <token>"; the reporter pages keep it in an HttpOnly,
// SameSite=Strict cookie and read it with their own helper.
#pragma once

#include <functional>
#include <memory>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "http/route_context.h"
#include "intake/reporter_sessions.h"

namespace Pistache::Http {
class ResponseWriter;
}
namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

using ReporterHandler = std::function<Result<nlohmann::json>(const std::shared_ptr<const intake::ReporterSession>&)>;

// The reporter session the request's bearer token names. Unauthenticated when
// the header is missing or malformed, or the session is unknown or expired.
Result<std::shared_ptr<const intake::ReporterSession>> AuthenticateReporter(const Pistache::Rest::Request& request,
                                                                           intake::ReporterSessions& sessions);

// Answers 401 without a valid reporter session, 503 when context.workers is
// full, otherwise `success_code` with the handler's JSON or its error. The
// handler runs on context.workers. `route` is the route template for the log.
void RunAsReporter(const RouteContext& context, const Pistache::Rest::Request& request,
                   Pistache::Http::ResponseWriter& response, const char* route, ReporterHandler handler,
                   int success_code = 200);

}  // namespace pillarbox::http
