#include "http/authenticated_json.h"

#include <pistache/router.h>

#include <chrono>

#include "http/bearer_auth.h"
#include "http/worker_json.h"

namespace pillarbox::http {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

void RunAuthenticated(const RouteContext& context, const Request& request, ResponseWriter& response,
                      const char* route, AuthenticatedHandler handler, int success_code, WorkerPool* pool) {
  const auto started = std::chrono::steady_clock::now();
  auto session = AuthenticateRequest(request, *context.sessions);
  if (!session.ok()) return FailRequest(response, route, started, session.status());
  WorkerPool* workers = pool != nullptr ? pool : context.workers;
  RunJsonOnWorkers(
      *workers, response, route, started,
      [handler = std::move(handler), session = std::move(*session)] { return handler(session); }, success_code);
}

}  // namespace pillarbox::http
