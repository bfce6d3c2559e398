#include "http/reporter_auth.h"

#include <pistache/router.h>

#include <chrono>

#include "http/bearer_auth.h"
#include "http/worker_json.h"

namespace pillarbox::http {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

Result<std::shared_ptr<const intake::ReporterSession>> AuthenticateReporter(const Request& request,
                                                                           intake::ReporterSessions& sessions) {
  const std::string token = BearerToken(request);
  if (token.empty()) return Status::Unauthenticated("a bearer token is required");
  return sessions.Authenticate(token);
}

void RunAsReporter(const RouteContext& context, const Request& request, ResponseWriter& response, const char* route,
                   ReporterHandler handler, int success_code) {
  const auto started = std::chrono::steady_clock::now();
  auto session = AuthenticateReporter(request, *context.reporter_sessions);
  if (!session.ok()) return FailRequest(response, route, started, session.status());
  RunJsonOnWorkers(
      *context.workers, response, route, started,
      [handler = std::move(handler), session = std::move(*session)] { return handler(session); }, success_code);
}

}  // namespace pillarbox::http
