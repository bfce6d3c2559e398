#include "http/triage_routes.h"

#include <pistache/router.h>

#include <memory>

#include <nlohmann/json.hpp>

#include "cases/deadlines.h"
#include "cases/triage_queue.h"
#include "cases/workflow_service.h"
#include "http/authenticated_json.h"
#include "http/query_parameter.h"
#include "http/router_guards.h"
#include "http/triage_codec.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

void RegisterQueue(Pistache::Rest::Router& router, const RouteContext& context) {
  using Pistache::Rest::Routes::Get;
  Get(router, "/api/v1/reports", Guard([&context](const Request& request, ResponseWriter& response) {
        const auto limit = DecodeLimit(request);
        const std::string after = QueryParameter(request, "after").value_or("");
        const cases::TriageQuery query = DecodeTriageQuery(request);
        RunAuthenticated(context, request, response, "GET /api/v1/reports",
                         [&context, limit, after, query](const Session& session) -> Result<nlohmann::json> {
                           if (!limit.ok()) return limit.status();
                           PB_ASSIGN_OR_RETURN(auto page, context.triage->List(*session, query, *limit, after));
                           nlohmann::json reports = nlohmann::json::array();
                           for (const auto& item : page.reports) reports.push_back(TriageItemJson(item));
                           return nlohmann::json{{"reports", reports},
                                                 {"next", page.next_cursor.empty() ? nlohmann::json(nullptr)
                                                                                   : nlohmann::json(page.next_cursor)}};
                         });
      }));
  Get(router, "/api/v1/reports/counts", Guard([&context](const Request& request, ResponseWriter& response) {
        const cases::TriageQuery query = DecodeTriageQuery(request);
        RunAuthenticated(context, request, response, "GET /api/v1/reports/counts",
                         [&context, query](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(auto counts, context.triage->Counts(*session, query));
                           return nlohmann::json{{"counts", counts}};
                         });
      }));
}

void RegisterWorkflow(Pistache::Rest::Router& router, const RouteContext& context) {
  using Pistache::Rest::Routes::Post;
  Post(router, "/api/v1/reports/:id/status", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         const auto change = DecodeStatusChange(request);
         RunAuthenticated(context, request, response, "POST /api/v1/reports/:id/status",
                          [&context, id, change](const Session& session) -> Result<nlohmann::json> {
                            if (!change.ok()) return change.status();
                            PB_ASSIGN_OR_RETURN(auto item, context.workflow->ChangeStatus(*session, id, *change));
                            return TriageItemJson(item);
                          });
       }));
  Post(router, "/api/v1/reports/:id/assignee", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         const auto change = DecodeAssigneeChange(request);
         RunAuthenticated(context, request, response, "POST /api/v1/reports/:id/assignee",
                          [&context, id, change](const Session& session) -> Result<nlohmann::json> {
                            if (!change.ok()) return change.status();
                            PB_ASSIGN_OR_RETURN(auto item, context.workflow->Assign(*session, id, change->assignee_id,
                                                                                    change->revision));
                            return TriageItemJson(item);
                          });
       }));
}

void RegisterSettings(Pistache::Rest::Router& router, const RouteContext& context) {
  using Pistache::Rest::Routes::Get;
  using Pistache::Rest::Routes::Put;
  Get(router, "/api/v1/settings/deadlines", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/settings/deadlines",
                         [&context](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(auto deadlines, context.deadlines->Get(*session));
                           return DeadlinesJson(deadlines);
                         });
      }));
  Put(router, "/api/v1/settings/deadlines", Guard([&context](const Request& request, ResponseWriter& response) {
        const auto deadlines = DecodeDeadlines(request);
        RunAuthenticated(context, request, response, "PUT /api/v1/settings/deadlines",
                         [&context, deadlines](const Session& session) -> Result<nlohmann::json> {
                           if (session->identity.role != "admin") {
                             return Status::PermissionDenied("only admins change the deadlines");
                           }
                           if (!deadlines.ok()) return deadlines.status();
                           PB_ASSIGN_OR_RETURN(auto stored, context.deadlines->Update(*session, *deadlines));
                           return DeadlinesJson(stored);
                         });
      }));
}

}  // namespace

void RegisterTriageRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.triage == nullptr || context.workflow == nullptr || context.deadlines == nullptr) return;
  RegisterQueue(router, context);
  RegisterWorkflow(router, context);
  RegisterSettings(router, context);
}

}  // namespace pillarbox::http
