#include "http/case_routes.h"

#include <pistache/router.h>

#include <charconv>
#include <string>

#include "cases/case_services.h"
#include "http/action_routes.h"
#include "http/case_json.h"
#include "http/case_link_routes.h"
#include "http/case_route_support.h"
#include "http/query_parameter.h"
#include "http/router_guards.h"
#include "http/triage_codec.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using nlohmann::json;


void RegisterListAndCreate(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::CaseServices& cases = *context.cases;
  Pistache::Rest::Routes::Get(router, "/api/v1/cases", Guard([&](const Request& request, ResponseWriter& response) {
    const auto limit = DecodeLimit(request);
    const std::string status = QueryParameter(request, "status").value_or("");
    const std::string after = QueryParameter(request, "after").value_or("");
    RunCaseRoute(context, request, response, "GET /api/v1/cases",
                 [&cases, limit, status, after](const accounts::Session& session) -> Result<json> {
                   if (!limit.ok()) return limit.status();
                   PB_ASSIGN_OR_RETURN(const auto page, cases.reader.List(session, status, *limit, after));
                   return CaseListJson(page);
                 });
  }));
  Pistache::Rest::Routes::Post(router, "/api/v1/cases", Guard([&](const Request& request, ResponseWriter& response) {
    const auto created = DecodeNewCase(request);
    RunCaseRoute(
        context, request, response, "POST /api/v1/cases",
        [&cases, created](const accounts::Session& session) -> Result<json> {
          if (!created.ok()) return created.status();
          PB_ASSIGN_OR_RETURN(const auto record, cases.editor.Create(session, *created));
          return CaseCreatedJson(record);
        },
        201);
  }));
}

void RegisterOneCase(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::CaseServices& cases = *context.cases;
  Pistache::Rest::Routes::Get(router, "/api/v1/cases/:id", Guard([&](const Request& request, ResponseWriter& response) {
    const std::string id = request.param(":id").as<std::string>();
    RunCaseRoute(context, request, response, "GET /api/v1/cases/:id",
                 [&cases, id](const accounts::Session& session) -> Result<json> {
                   PB_ASSIGN_OR_RETURN(const auto view, cases.reader.Open(session, id));
                   return CaseViewJson(view);
                 });
  }));
  Pistache::Rest::Routes::Patch(
      router, "/api/v1/cases/:id", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        const auto update = DecodeCaseUpdate(request);
        RunCaseRoute(context, request, response, "PATCH /api/v1/cases/:id",
                     [&cases, id, update](const accounts::Session& session) -> Result<json> {
                       if (!update.ok()) return update.status();
                       PB_RETURN_IF_ERROR(cases.editor.Update(session, id, *update).status());
                       PB_ASSIGN_OR_RETURN(const auto view, cases.reader.Open(session, id));
                       return CaseViewJson(view);
                     });
      }));
  Pistache::Rest::Routes::Post(
      router, "/api/v1/cases/:id/merge", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        const auto into = DecodeSingleString(request, "into");
        RunCaseRoute(context, request, response, "POST /api/v1/cases/:id/merge",
                     [&cases, id, into](const accounts::Session& session) -> Result<json> {
                       if (!into.ok()) return into.status();
                       PB_ASSIGN_OR_RETURN(const auto outcome, cases.merger.Merge(session, id, *into));
                       return MergeJson(id, *into, outcome);
                     });
      }));
}

void RegisterNotes(Pistache::Rest::Router& router, const RouteContext& context) {
  cases::CaseServices& cases = *context.cases;
  Pistache::Rest::Routes::Post(
      router, "/api/v1/cases/:id/notes", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        const auto body = DecodeSingleString(request, "body");
        RunCaseRoute(
            context, request, response, "POST /api/v1/cases/:id/notes",
            [&cases, id, body](const accounts::Session& session) -> Result<json> {
              if (!body.ok()) return body.status();
              PB_ASSIGN_OR_RETURN(const auto note, cases.notebook.Add(session, id, *body));
              return NoteJson(note, false);
            },
            201);
      }));
  Pistache::Rest::Routes::Get(
      router, "/api/v1/cases/:id/notes", Guard([&](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunCaseRoute(context, request, response, "GET /api/v1/cases/:id/notes",
                     [&cases, id](const accounts::Session& session) -> Result<json> {
                       PB_ASSIGN_OR_RETURN(const auto notes, cases.notebook.List(session, id));
                       json out = json::array();
                       for (const auto& note : notes) out.push_back(NoteJson(note, true));
                       return json{{"notes", std::move(out)}};
                     });
      }));
}

}  // namespace

void RegisterCaseRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.cases == nullptr) return;
  RegisterListAndCreate(router, context);
  RegisterOneCase(router, context);
  RegisterNotes(router, context);
  RegisterCaseLinkRoutes(router, context);
  RegisterActionRoutes(router, context);
}

}  // namespace pillarbox::http
