#include "http/desk_key_rotation_routes.h"

#include <pistache/router.h>

#include <nlohmann/json.hpp>

#include "accounts/desk_key_rotation_job.h"
#include "http/authenticated_json.h"
#include "http/json_request.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

nlohmann::json ProgressJson(const accounts::RotationProgress& progress) {
  nlohmann::json old_versions = nlohmann::json::array();
  for (const accounts::OldKeyVersion& version : progress.old_versions) {
    old_versions.push_back({{"key_version", version.key_version},
                            {"records", version.records},
                            {"sealed_copies", version.sealed_copies},
                            {"retired", version.retired}});
  }
  return {{"desk", progress.desk_id},
          {"current_version", progress.current_version},
          {"records_on_old_versions", progress.records_on_old_versions},
          {"unreadable_records", progress.unreadable_records},
          {"running", progress.running},
          {"old_versions", std::move(old_versions)}};
}

// {"new_version": true|false} or {}: whether to rotate first.
Result<bool> DecodeRotationRequest(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  for (const auto& [name, value] : body.items()) {
    if (name != "new_version") return Status::InvalidArgument("unknown member", name);
  }
  if (!body.contains("new_version")) return false;
  if (!body["new_version"].is_boolean()) return Status::InvalidArgument("must be true or false", "new_version");
  return body["new_version"].get<bool>();
}

}  // namespace

void RegisterDeskKeyRotationRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.desk_key_rotation == nullptr) return;
  using namespace Pistache::Rest::Routes;
  Get(router, "/api/v1/desks/:id/key-rotation", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string desk_id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/desks/:id/key-rotation",
                         [&context, desk_id](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(const auto progress,
                                               context.desk_key_rotation->Progress(*session, desk_id));
                           return ProgressJson(progress);
                         });
      }));
  Post(router, "/api/v1/desks/:id/key-rotation", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string desk_id = request.param(":id").as<std::string>();
         auto new_version = DecodeRotationRequest(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/desks/:id/key-rotation",
             [&context, desk_id, new_version](const Session& session) -> Result<nlohmann::json> {
               if (session->identity.role != "admin") return Status::PermissionDenied("only admins manage desks");
               if (!new_version.ok()) return new_version.status();
               PB_ASSIGN_OR_RETURN(const auto progress,
                                   context.desk_key_rotation->Start(*session, desk_id, *new_version));
               return ProgressJson(progress);
             },
             202);
       }));
}

}  // namespace pillarbox::http
