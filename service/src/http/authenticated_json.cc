#include "http/authenticated_json.h"

#include <pistache/router.h>

#include <chrono>

#include "common/logging.h"
#include "common/worker_pool.h"
#include "http/bearer_auth.h"
#include "http/responses.h"
#include "http/status_mapping.h"

namespace pillarbox::http {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

void RunAuthenticated(const RouteContext& context, const Request& request, ResponseWriter& response,
                      const char* route, AuthenticatedHandler handler, int success_code, WorkerPool* pool) {
  const auto started = std::chrono::steady_clock::now();
  auto session = AuthenticateRequest(request, *context.sessions);
  // Copied into the worker's task: captures by value only.
  auto fail = [route, started](ResponseWriter& writer, const Status& status) {
    SendError(writer, status);
    LogRequest(route, HttpCodeFor(status), started);
  };
  if (!session.ok()) return fail(response, session.status());
  auto pending = std::make_shared<ResponseWriter>(std::move(response));
  WorkerPool* workers = pool != nullptr ? pool : context.workers;
  const Status queued = workers->Post([pending, started, route, fail, success_code, handler = std::move(handler),
                                               session = std::move(*session)] {
    Result<nlohmann::json> body = handler(session);
    if (!body.ok()) return fail(*pending, body.status());
    SendJson(*pending, success_code, body->dump());
    LogRequest(route, success_code, started);
  });
  if (!queued.ok()) fail(*pending, queued);
}

}  // namespace pillarbox::http
