#include "http/action_routes.h"

#include <pistache/router.h>

#include <string>

#include "cases/case_services.h"
#include "cases/report_access.h"
#include "http/action_json.h"
#include "http/authenticated_json.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using nlohmann::json;
using SessionPointer = std::shared_ptr<const accounts::Session>;

void RegisterListAndCreate(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::ActionService& actions = context.cases->actions;
  Pistache::Rest::Routes::Get(router, "/api/v1/actions", Guard([&](const Request& request, ResponseWriter& response) {
    const cases::ActionQuery query = DecodeActionQuery(request);
    RunAuthenticated(context, request, response, "GET /api/v1/actions",
                     [&actions, query](const SessionPointer& session) -> Result<json> {
                       PB_ASSIGN_OR_RETURN(const auto listed, actions.List(*session, query));
                       return ActionListJson(listed);
                     });
  }));
  Pistache::Rest::Routes::Post(router, "/api/v1/actions", Guard([&](const Request& request, ResponseWriter& response) {
    const auto created = DecodeNewAction(request);
    RunAuthenticated(
        context, request, response, "POST /api/v1/actions",
        [&actions, created](const SessionPointer& session) -> Result<json> {
          // The role check comes first, so a partner gets 403 whatever the body.
          if (!cases::MayReadReports(*session)) return Status::PermissionDenied("this role cannot change actions");
          if (!created.ok()) return created.status();
          PB_ASSIGN_OR_RETURN(const auto action, actions.Create(*session, *created));
          return ActionJson(action);
        },
        201);
  }));
}

void RegisterOneAction(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::ActionService& actions = context.cases->actions;
  Pistache::Rest::Routes::Get(
      router, "/api/v1/actions/:id", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/actions/:id",
                         [&actions, id](const SessionPointer& session) -> Result<json> {
                           PB_ASSIGN_OR_RETURN(const auto view, actions.Open(*session, id));
                           return ActionViewJson(view);
                         });
      }));
  Pistache::Rest::Routes::Patch(
      router, "/api/v1/actions/:id", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        const auto update = DecodeActionUpdate(request);
        RunAuthenticated(context, request, response, "PATCH /api/v1/actions/:id",
                         [&actions, id, update](const SessionPointer& session) -> Result<json> {
                           if (!cases::MayReadReports(*session)) {
                             return Status::PermissionDenied("this role cannot change actions");
                           }
                           if (!update.ok()) return update.status();
                           PB_RETURN_IF_ERROR(actions.Update(*session, id, *update).status());
                           PB_ASSIGN_OR_RETURN(const auto view, actions.Open(*session, id));
                           return ActionViewJson(view);
                         });
      }));
}

}  // namespace

void RegisterActionRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.cases == nullptr) return;
  RegisterListAndCreate(router, context);
  RegisterOneAction(router, context);
}

}  // namespace pillarbox::http
