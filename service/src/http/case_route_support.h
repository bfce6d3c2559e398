// What every case route shares: the role check before anything else (so a
// partner gets 403 whatever the body), then the handler on the worker pool.
#pragma once

#include <functional>

#include <nlohmann/json.hpp>

#include "accounts/session_store.h"
#include "common/status.h"
#include "http/route_context.h"

namespace Pistache::Http {
class ResponseWriter;
}
namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

using CaseHandler = std::function<Result<nlohmann::json>(const accounts::Session&)>;

// RunAuthenticated, answering 403 for roles that never work on cases before
// `handler` runs.
void RunCaseRoute(const RouteContext& context, const Pistache::Rest::Request& request,
                  Pistache::Http::ResponseWriter& response, const char* route, CaseHandler handler,
                  int success_code = 200);

}  // namespace pillarbox::http
