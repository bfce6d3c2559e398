#include "http/auth_routes.h"

#include <pistache/router.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/login_service.h"
#include "audit/audit_recorder.h"
#include "common/logging.h"
#include "common/worker_pool.h"
#include "http/authenticated_json.h"
#include "http/bearer_auth.h"
#include "http/json_request.h"
#include "http/responses.h"
#include "http/router_guards.h"
#include "http/status_mapping.h"
#include "http/worker_json.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

Result<accounts::LoginRequest> DecodeLogin(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  accounts::LoginRequest login;
  PB_RETURN_IF_ERROR(ReadStringMembers(
      body, {{"username", &login.username}, {"password", &login.password}, {"totp", &login.totp}}));
  return login;
}

void Answer(ResponseWriter& response, const char* route, const Result<std::string>& body, int code,
            std::chrono::steady_clock::time_point started) {
  if (!body.ok()) {
    SendError(response, body.status());
    LogRequest(route, HttpCodeFor(body.status()), started);
    return;
  }
  SendJson(response, code, *body);
  LogRequest(route, code, started);
}

void HandleLogin(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  auto login = DecodeLogin(request);
  if (!login.ok()) return Answer(response, "POST /api/v1/auth/login", login.status(), 200, started);
  const auto refused = [started](ResponseWriter& pending, const Status& status) {
    Answer(pending, "POST /api/v1/auth/login", status, 200, started);
  };
  PostWithResponse(*context.login_workers, response, [&context, started, login = std::move(*login)](ResponseWriter& pending) {
    Result<accounts::LoginResult> result = context.login->Login(login);
    Result<std::string> body = result.status();
    if (result.ok()) {
      (void)context.audit->Record({result->user_id, "auth.login.succeeded", "user", result->user_id, ""});
      body = nlohmann::json{{"token", result->token}, {"role", result->role}, {"expires_at", result->expires_at}}
                 .dump();
    } else if (result.status().code() == StatusCode::kUnauthenticated) {
      (void)context.audit->Record({"anonymous", "auth.login.failed", "user", "", ""});
    }
    Answer(pending, "POST /api/v1/auth/login", body, 200, started);
  }, refused);
}

void HandleLogout(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  auto session = AuthenticateRequest(request, *context.sessions);
  if (!session.ok()) return Answer(response, "POST /api/v1/auth/logout", session.status(), 204, started);
  context.sessions->Revoke(BearerToken(request));
  const std::string user_id = (*session)->identity.user_id;
  PostWithResponse(
      *context.workers, response,
      [&context, started, user_id](ResponseWriter& pending) {
        (void)context.audit->Record({user_id, "auth.logout", "user", user_id, ""});
        Answer(pending, "POST /api/v1/auth/logout", std::string(), 204, started);
      },
      [started](ResponseWriter& pending, const Status&) {
        // The session is already revoked; only its audit entry was not written.
        Answer(pending, "POST /api/v1/auth/logout", std::string(), 204, started);
      });
}

Result<std::pair<std::string, std::string>> DecodePasswordChange(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  std::pair<std::string, std::string> passwords;
  PB_RETURN_IF_ERROR(
      ReadStringMembers(body, {{"current_password", &passwords.first}, {"new_password", &passwords.second}}));
  return passwords;
}

void HandlePasswordChange(const RouteContext& context, const Request& request, ResponseWriter& response) {
  auto passwords = DecodePasswordChange(request);
  RunAuthenticated(
      context, request, response, "POST /api/v1/auth/password",
      [&context, passwords](const std::shared_ptr<const accounts::Session>& session) -> Result<nlohmann::json> {
        if (!passwords.ok()) return passwords.status();
        PB_RETURN_IF_ERROR(context.login->ChangePassword(*session, passwords->first, passwords->second));
        const std::string& user_id = session->identity.user_id;
        (void)context.audit->Record({user_id, "account.password_changed", "user", user_id, ""});
        return nlohmann::json{{"changed", true}, {"sessions_ended", true}};
      },
      200, context.login_workers);
}

// What the caller's session is: identity, the desks it unlocked and its
// timeouts, so the web app can warn before the idle logout.
nlohmann::json DescribeSession(const RouteContext& context, const accounts::Session& session) {
  std::vector<std::string> desks;
  for (const accounts::UnlockedDeskKey& key : session.keys.desk_keys) {
    if (std::find(desks.begin(), desks.end(), key.desk_id) == desks.end()) desks.push_back(key.desk_id);
  }
  return nlohmann::json{{"user_id", session.identity.user_id},
                        {"username", session.identity.username},
                        {"role", session.identity.role},
                        {"desks", desks},
                        {"idle_timeout_seconds", context.sessions->idle_timeout_seconds()},
                        {"expires_at", session.created_at + context.sessions->absolute_timeout_seconds()}};
}

}  // namespace

void RegisterAuthRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.login == nullptr) return;
  Pistache::Rest::Routes::Post(router, "/api/v1/auth/login",
                               Guard([&context](const Request& request, ResponseWriter& response) {
                                 HandleLogin(context, request, response);
                               }));
  Pistache::Rest::Routes::Post(router, "/api/v1/auth/password",
                               Guard([&context](const Request& request, ResponseWriter& response) {
                                 HandlePasswordChange(context, request, response);
                               }));
  Pistache::Rest::Routes::Get(router, "/api/v1/auth/session",
                              Guard([&context](const Request& request, ResponseWriter& response) {
                                RunAuthenticated(context, request, response, "GET /api/v1/auth/session",
                                                 [&context](const std::shared_ptr<const accounts::Session>& session)
                                                     -> Result<nlohmann::json> {
                                                   return DescribeSession(context, *session);
                                                 });
                              }));
  Pistache::Rest::Routes::Post(router, "/api/v1/auth/logout",
                               Guard([&context](const Request& request, ResponseWriter& response) {
                                 HandleLogout(context, request, response);
                               }));
}

}  // namespace pillarbox::http
