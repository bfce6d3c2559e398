#include "http/case_link_routes.h"

#include <pistache/router.h>

#include <string>

#include "cases/case_services.h"
#include "http/case_json.h"
#include "http/case_route_support.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using nlohmann::json;

// A CaseLinker method taking (session, case id, linked value).
using LinkMethod = Result<cases::LinkOutcome> (cases::CaseLinker::*)(const accounts::Session&, std::string_view,
                                                                    std::string_view);

// A route whose path names the case (":id") and the linked value (`param`).
Pistache::Rest::Route::Handler PathLinkRoute(const RouteContext& context, const char* route, const char* param,
                                             LinkMethod method) {
  return Guard([&context, route, param, method](const Request& request, ResponseWriter& response) {
    const std::string id = request.param(":id").as<std::string>();
    const std::string value = request.param(param).as<std::string>();
    RunCaseRoute(context, request, response, route,
                 [&context, id, value, method](const accounts::Session& session) -> Result<json> {
                   PB_ASSIGN_OR_RETURN(const auto outcome, (context.cases->linker.*method)(session, id, value));
                   return LinkOutcomeJson(id, outcome);
                 });
  });
}

}  // namespace

void RegisterCaseLinkRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using cases::CaseLinker;
  using Pistache::Rest::Routes::Delete;
  using Pistache::Rest::Routes::Put;
  Pistache::Rest::Routes::Post(
      router, "/api/v1/cases/:id/reports", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        const auto report = DecodeSingleString(request, "report_id");
        RunCaseRoute(context, request, response, "POST /api/v1/cases/:id/reports",
                     [&context, id, report](const accounts::Session& session) -> Result<json> {
                       if (!report.ok()) return report.status();
                       PB_ASSIGN_OR_RETURN(const auto outcome, context.cases->linker.AddReport(session, id, *report));
                       return LinkOutcomeJson(id, outcome);
                     });
      }));
  Delete(router, "/api/v1/cases/:id/reports/:report_id",
         PathLinkRoute(context, "DELETE /api/v1/cases/:id/reports/:report_id", ":report_id", &CaseLinker::RemoveReport));
  Put(router, "/api/v1/cases/:id/tags/:tag_id",
      PathLinkRoute(context, "PUT /api/v1/cases/:id/tags/:tag_id", ":tag_id", &CaseLinker::AddTag));
  Delete(router, "/api/v1/cases/:id/tags/:tag_id",
         PathLinkRoute(context, "DELETE /api/v1/cases/:id/tags/:tag_id", ":tag_id", &CaseLinker::RemoveTag));
  Put(router, "/api/v1/cases/:id/pillars/:pillar",
      PathLinkRoute(context, "PUT /api/v1/cases/:id/pillars/:pillar", ":pillar", &CaseLinker::AddPillar));
  Delete(router, "/api/v1/cases/:id/pillars/:pillar",
         PathLinkRoute(context, "DELETE /api/v1/cases/:id/pillars/:pillar", ":pillar", &CaseLinker::RemovePillar));
  Put(router, "/api/v1/cases/:id/actions/:action_id",
      PathLinkRoute(context, "PUT /api/v1/cases/:id/actions/:action_id", ":action_id", &CaseLinker::AddAction));
  Delete(router, "/api/v1/cases/:id/actions/:action_id",
         PathLinkRoute(context, "DELETE /api/v1/cases/:id/actions/:action_id", ":action_id", &CaseLinker::RemoveAction));
}

}  // namespace pillarbox::http
