#include "http/case_route_support.h"

#include <pistache/router.h>

#include "cases/report_access.h"
#include "http/authenticated_json.h"

namespace pillarbox::http {

void RunCaseRoute(const RouteContext& context, const Pistache::Rest::Request& request,
                  Pistache::Http::ResponseWriter& response, const char* route, CaseHandler handler,
                  int success_code) {
  RunAuthenticated(
      context, request, response, route,
      [handler = std::move(handler)](const std::shared_ptr<const accounts::Session>& session) -> Result<nlohmann::json> {
        if (!cases::MayReadReports(*session)) return Status::PermissionDenied("this role cannot work on cases");
        return handler(*session);
      },
      success_code);
}

}  // namespace pillarbox::http
