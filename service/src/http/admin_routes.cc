#include "http/admin_routes.h"

#include <pistache/router.h>

#include <charconv>

#include <nlohmann/json.hpp>

#include "accounts/account_admin.h"
#include "audit/audit_checker.h"
#include "audit/audit_log.h"
#include "audit/audit_recorder.h"
#include "http/authenticated_json.h"
#include "http/json_request.h"
#include "http/query_parameter.h"
#include "http/router_guards.h"
#include "store/reader_pool.h"
#include "store/user_directory.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

Result<accounts::CreateAccountRequest> DecodeCreateAccount(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  accounts::CreateAccountRequest create;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"username", &create.username}, {"role", &create.role}}));
  const auto organization = body.find("organization_id");
  if (organization != body.end()) {
    if (!organization->is_string()) return Status::InvalidArgument("must be an organization id", "organization_id");
    create.organization_id = organization->get<std::string>();
  }
  const auto desks = body.find("desks");
  if (desks != body.end()) {
    if (!desks->is_array()) return Status::InvalidArgument("must be an array of desk ids", "desks");
    for (const auto& desk : *desks) {
      if (!desk.is_string()) return Status::InvalidArgument("must be an array of desk ids", "desks");
      create.desks.push_back(desk.get<std::string>());
    }
  }
  return create;
}

Result<nlohmann::json> ListAudit(const RouteContext& context, const Session& session, int64_t after, int64_t limit) {
  if (session->identity.role != "admin") return Status::PermissionDenied("only admins read the audit log");
  if (limit < 1 || limit > 1000) return Status::InvalidArgument("must be 1 to 1000", "limit");
  std::vector<audit::AuditEntry> entries;
  {
    auto lease = context.readers->Acquire();
    PB_ASSIGN_OR_RETURN(entries, audit::ListAuditEntries(lease.db(), after, static_cast<int>(limit)));
  }
  PB_RETURN_IF_ERROR(context.audit->Record({session->identity.user_id, "audit.viewed", "audit", "", ""}));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& entry : entries) {
    out.push_back({{"seq", entry.seq}, {"at", entry.at}, {"actor", entry.actor}, {"action", entry.action},
                   {"object_type", entry.object_type}, {"object_id", entry.object_id}, {"detail", entry.detail}});
  }
  return nlohmann::json{{"entries", out}};
}

Result<nlohmann::json> ListUsers(const RouteContext& context, const Session& session) {
  if (session->identity.role != "admin") return Status::PermissionDenied("only admins list accounts");
  std::vector<store::UserDirectoryEntry> users;
  {
    auto lease = context.readers->Acquire();
    PB_ASSIGN_OR_RETURN(users, store::ListUserDirectory(lease.db()));
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& user : users) {
    out.push_back({{"id", user.id},
                   {"username", user.username},
                   {"role", user.role},
                   {"disabled", user.disabled},
                   {"created_day", user.created_day},
                   {"organization_id", user.organization_id},
                   {"desks", user.desk_ids}});
  }
  return nlohmann::json{{"users", std::move(out)}};
}

Result<nlohmann::json> VerifyAudit(const RouteContext& context, const Session& session) {
  if (session->identity.role != "admin") return Status::PermissionDenied("only admins verify the audit log");
  PB_ASSIGN_OR_RETURN(const auto verification, context.audit_checker->VerifyAndRecord(session->identity.user_id));
  return nlohmann::json{{"ok", verification.ok},
                        {"entries", verification.entries},
                        {"first_bad_seq", verification.first_bad_seq},
                        {"problem", verification.problem}};
}

}  // namespace

void RegisterAdminRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.account_admin == nullptr) return;
  Pistache::Rest::Routes::Post(
      router, "/api/v1/users", Guard([&context](const Request& request, ResponseWriter& response) {
        auto create = DecodeCreateAccount(request);
        RunAuthenticated(
            context, request, response, "POST /api/v1/users",
            [&context, create](const Session& session) -> Result<nlohmann::json> {
              if (!create.ok()) return create.status();
              PB_ASSIGN_OR_RETURN(auto credentials, context.account_admin->Create(*session, *create));
              return nlohmann::json{{"id", credentials.user_id},
                                    {"username", credentials.username},   {"role", credentials.role},
                                    {"password", credentials.password},   {"totp_secret", credentials.totp_secret},
                                    {"totp_uri", credentials.totp_uri}, {"recovery_code", credentials.recovery_code}};
            },
            201);
      }));
  Pistache::Rest::Routes::Get(
      router, "/api/v1/users", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAuthenticated(context, request, response, "GET /api/v1/users",
                         [&context](const Session& session) { return ListUsers(context, session); });
      }));
  Pistache::Rest::Routes::Post(
      router, "/api/v1/users/:id/disable", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string user_id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "POST /api/v1/users/:id/disable",
                         [&context, user_id](const Session& session) -> Result<nlohmann::json> {
                           PB_RETURN_IF_ERROR(context.account_admin->Disable(*session, user_id, *context.sessions));
                           return nlohmann::json{{"id", user_id}, {"disabled", true}};
                         });
      }));
  Pistache::Rest::Routes::Get(
      router, "/api/v1/audit", Guard([&context](const Request& request, ResponseWriter& response) {
        const auto after = QueryWholeNumber(request, "after", 0);
        const auto limit = QueryWholeNumber(request, "limit", 100);
        RunAuthenticated(context, request, response, "GET /api/v1/audit",
                         [&context, after, limit](const Session& session) -> Result<nlohmann::json> {
                           if (!after.ok()) return after.status();
                           if (!limit.ok()) return limit.status();
                           return ListAudit(context, session, *after, *limit);
                         });
      }));
  if (context.audit_checker != nullptr) {
    Pistache::Rest::Routes::Get(
        router, "/api/v1/audit/verification", Guard([&context](const Request& request, ResponseWriter& response) {
          RunAuthenticated(context, request, response, "GET /api/v1/audit/verification",
                           [&context](const Session& session) { return VerifyAudit(context, session); });
        }));
  }
}

}  // namespace pillarbox::http
