#include "http/desk_routes.h"

#include <pistache/router.h>

#include <nlohmann/json.hpp>

#include "accounts/desk_membership.h"
#include "http/authenticated_json.h"
#include "http/json_request.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

nlohmann::json DeskJson(const accounts::DeskView& desk) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& member : desk.members) {
    members.push_back({{"user_id", member.user_id},
                       {"username", member.username},
                       {"role", member.role},
                       {"disabled", member.disabled}});
  }
  return {{"id", desk.id},
          {"name", desk.name},
          {"kinds", desk.kinds},
          {"key_version", desk.key_version},
          {"members", std::move(members)}};
}

Result<std::string> DecodeMemberRequest(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  std::string user_id;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"user_id", &user_id}}));
  return user_id;
}

}  // namespace

void RegisterDeskRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.desk_membership == nullptr) return;
  using namespace Pistache::Rest::Routes;
  Get(router, "/api/v1/desks", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/desks",
                         [&context](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(const auto desks, context.desk_membership->List(*session));
                           nlohmann::json out = nlohmann::json::array();
                           for (const auto& desk : desks) out.push_back(DeskJson(desk));
                           return nlohmann::json{{"desks", std::move(out)}};
                         });
      }));
  Post(router, "/api/v1/desks/:id/members", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string desk_id = request.param(":id").as<std::string>();
         auto user_id = DecodeMemberRequest(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/desks/:id/members",
             [&context, desk_id, user_id](const Session& session) -> Result<nlohmann::json> {
               if (!user_id.ok()) return user_id.status();
               PB_RETURN_IF_ERROR(context.desk_membership->Add(*session, desk_id, *user_id));
               return nlohmann::json{{"desk", desk_id}, {"user_id", *user_id}};
             },
             201);
       }));
  Delete(router, "/api/v1/desks/:id/members/:user_id",
         Guard([&context](const Request& request, ResponseWriter& response) {
           const std::string desk_id = request.param(":id").as<std::string>();
           const std::string user_id = request.param(":user_id").as<std::string>();
           RunAuthenticated(context, request, response, "DELETE /api/v1/desks/:id/members/:user_id",
                            [&context, desk_id, user_id](const Session& session) -> Result<nlohmann::json> {
                              PB_ASSIGN_OR_RETURN(const uint32_t version,
                                                  context.desk_membership->Remove(*session, desk_id, user_id));
                              return nlohmann::json{{"desk", desk_id}, {"user_id", user_id}, {"key_version", version}};
                            });
         }));
}

}  // namespace pillarbox::http
