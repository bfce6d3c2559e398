// Authenticated JSON endpoints: check the bearer token on the I/O thread,
// then run the handler on the worker pool (it may decrypt, wait for an audit
// commit or run Argon2id) and answer with its JSON or its error.
#pragma once

#include <functional>
#include <memory>

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

using AuthenticatedHandler = std::function<Result<nlohmann::json>(const std::shared_ptr<const accounts::Session>&)>;

// Answers 401 without a valid session, 503 when the worker pool is full,
// otherwise `success_code` with the handler's JSON or the handler's error.
// `route` is the route template for the log. The handler runs on `pool`
// (context.workers when null).
void RunAuthenticated(const RouteContext& context, const Pistache::Rest::Request& request,
                      Pistache::Http::ResponseWriter& response, const char* route, AuthenticatedHandler handler,
                      int success_code = 200, WorkerPool* pool = nullptr);

}  // namespace pillarbox::http
