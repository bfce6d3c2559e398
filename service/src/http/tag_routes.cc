#include "http/tag_routes.h"

#include <pistache/router.h>

#include <nlohmann/json.hpp>

#include "cases/tag_service.h"
#include "http/authenticated_json.h"
#include "http/json_request.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

// The one string member `name` of the request's JSON object body.
Result<std::string> ReadOneString(const Request& request, const char* name) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  std::string value;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{name, &value}}));
  return value;
}

nlohmann::json TagJson(const store::TagRecord& tag) { return {{"id", tag.id}, {"name", tag.name}}; }

Result<nlohmann::json> ListTagsJson(const RouteContext& context, const Session& session) {
  PB_ASSIGN_OR_RETURN(const auto summaries, context.tags->List(*session));
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& summary : summaries) {
    nlohmann::json tag = TagJson(summary.tag);
    tag["reports"] = summary.counts.reports;
    tag["cases"] = summary.counts.cases;
    tags.push_back(std::move(tag));
  }
  return nlohmann::json{{"tags", std::move(tags)}};
}

}  // namespace

void RegisterTagRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.tags == nullptr) return;
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/tags", Guard([&context](const Request& request, ResponseWriter& response) {
         auto name = ReadOneString(request, "name");
         RunAuthenticated(
             context, request, response, "POST /api/v1/tags",
             [&context, name](const Session& session) -> Result<nlohmann::json> {
               if (!name.ok()) return name.status();
               PB_ASSIGN_OR_RETURN(const auto tag, context.tags->Create(*session, *name));
               return TagJson(tag);
             },
             201);
       }));
  Get(router, "/api/v1/tags", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/tags",
                         [&context](const Session& session) { return ListTagsJson(context, session); });
      }));
  Patch(router, "/api/v1/tags/:id", Guard([&context](const Request& request, ResponseWriter& response) {
          const std::string id = request.param(":id").as<std::string>();
          auto name = ReadOneString(request, "name");
          RunAuthenticated(context, request, response, "PATCH /api/v1/tags/:id",
                           [&context, id, name](const Session& session) -> Result<nlohmann::json> {
                             if (!name.ok()) return name.status();
                             PB_ASSIGN_OR_RETURN(const auto tag, context.tags->Rename(*session, id, *name));
                             return TagJson(tag);
                           });
        }));
  Post(router, "/api/v1/tags/:id/merge", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         auto into = ReadOneString(request, "into");
         RunAuthenticated(
             context, request, response, "POST /api/v1/tags/:id/merge",
             [&context, id, into](const Session& session) -> Result<nlohmann::json> {
               if (!into.ok()) return into.status();
               PB_ASSIGN_OR_RETURN(const auto moved, context.tags->Merge(*session, id, *into));
               return nlohmann::json{
                   {"id", id}, {"into", *into}, {"report_links", moved.report_links}, {"case_links", moved.case_links}};
             });
       }));
}

}  // namespace pillarbox::http
