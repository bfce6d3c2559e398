#include "http/retention_routes.h"

#include <pistache/router.h>

#include <memory>
#include <string>

#include "cases/case_services.h"
#include "cases/retention_settings.h"
#include "http/authenticated_json.h"
#include "http/case_json.h"
#include "http/case_route_support.h"
#include "http/json_request.h"
#include "http/retention_json.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

// The PUT body, decoded on the I/O thread; errors wait for the role check.
Result<cases::RetentionPolicyChange> DecodeChangeBody(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  return DecodeRetentionChange(body);
}

void RegisterSettings(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::RetentionSettings& retention = *context.retention;
  Pistache::Rest::Routes::Get(
      router, "/api/v1/settings/retention", Guard([&](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/settings/retention",
                         [&retention](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(const auto policy, retention.Get(*session));
                           return RetentionPolicyJson(policy);
                         });
      }));
  Pistache::Rest::Routes::Put(
      router, "/api/v1/settings/retention", Guard([&](const Request& request, ResponseWriter& response) {
        const auto change = DecodeChangeBody(request);
        RunAuthenticated(context, request, response, "PUT /api/v1/settings/retention",
                         [&retention, change](const Session& session) -> Result<nlohmann::json> {
                           if (session->identity.role != "admin") {
                             return Status::PermissionDenied("only admins change the retention policy");
                           }
                           if (!change.ok()) return change.status();
                           PB_ASSIGN_OR_RETURN(const auto policy, retention.Update(*session, *change));
                           return RetentionPolicyJson(policy);
                         });
      }));
}

void RegisterLegalHold(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::CaseServices& cases = *context.cases;
  Pistache::Rest::Routes::Put(
      router, "/api/v1/cases/:id/legal-hold", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        const auto held = DecodeLegalHold(request);
        RunCaseRoute(context, request, response, "PUT /api/v1/cases/:id/legal-hold",
                     [&cases, id, held](const accounts::Session& session) -> Result<nlohmann::json> {
                       if (!held.ok()) return held.status();
                       PB_RETURN_IF_ERROR(cases.hold.Set(session, id, *held).status());
                       PB_ASSIGN_OR_RETURN(const auto view, cases.reader.Open(session, id));
                       return CaseViewJson(view);
                     });
      }));
}

}  // namespace

void RegisterRetentionRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.retention == nullptr) return;
  RegisterSettings(router, context);
  if (context.cases != nullptr) RegisterLegalHold(router, context);
}

}  // namespace pillarbox::http
