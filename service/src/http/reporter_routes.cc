#include "http/reporter_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "common/worker_pool.h"
#include "http/bearer_auth.h"
#include "http/json_request.h"
#include "http/proof_of_work_check.h"
#include "http/report_note_routes.h"
#include "http/reporter_deletion.h"
#include "http/reporter_auth.h"
#include "http/router_guards.h"
#include "http/worker_json.h"
#include "reporter/reporter_followup.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using ReporterSessionPtr = std::shared_ptr<const intake::ReporterSession>;

// The named string member of a small JSON object body; 400 naming it otherwise.
Result<std::string> ReadMember(const Request& request, const char* name, size_t max_bytes) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request, max_bytes));
  std::string value;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{name, &value}}));
  return value;
}

nlohmann::json MessageJson(const reporter::ReporterMessage& message) {
  return {{"seq", message.seq}, {"from", message.from}, {"created_day", message.created_day}, {"body", message.body}};
}

nlohmann::json ViewJson(const reporter::ReporterView& view) {
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& answer : view.answers) {
    answers.push_back({{"field", answer.field}, {"label", answer.label}, {"value", answer.value}});
  }
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& message : view.messages) messages.push_back(MessageJson(message));
  return {{"kind", view.kind},
          {"title", view.title},
          {"received_day", view.received_day},
          {"status", {{"code", view.status.code}, {"words", view.status.words}}},
          {"answers", std::move(answers)},
          {"messages", std::move(messages)}};
}

void HandleSignIn(const RouteContext& context, const Request& request, ResponseWriter& response) {
  static constexpr char kRoute[] = "POST /api/v1/reporter/session";  // outlives the call: the worker logs it
  const auto started = std::chrono::steady_clock::now();
  const Status worked = CheckProofOfWork(request, context);
  if (!worked.ok()) return FailRequest(response, kRoute, started, worked);
  auto receipt = ReadMember(request, "receipt", kMaxControlBody);
  if (!receipt.ok()) return FailRequest(response, kRoute, started, receipt.status());
  RunJsonOnWorkers(
      *context.workers, response, kRoute, started,
      [&context, receipt = std::move(*receipt)]() -> Result<nlohmann::json> {
        PB_ASSIGN_OR_RETURN(const auto signed_in, context.reporter_followup->SignIn(receipt));
        return nlohmann::json{{"token", signed_in.token}, {"expires_in", signed_in.expires_in}};
      },
      201);
}

void HandleReply(const RouteContext& context, const Request& request, ResponseWriter& response) {
  auto body = ReadMember(request, "body", kMaxNoteBody);
  RunAsReporter(
      context, request, response, "POST /api/v1/reporter/messages",
      [&context, body](const ReporterSessionPtr& session) -> Result<nlohmann::json> {
        if (!body.ok()) return body.status();
        PB_ASSIGN_OR_RETURN(const auto message, context.reporter_followup->Reply(*session, *body));
        return MessageJson(message);
      },
      201);
}

void HandleLogout(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const std::string token = BearerToken(request);
  RunAsReporter(
      context, request, response, "POST /api/v1/reporter/logout",
      [&context, token](const ReporterSessionPtr&) -> Result<nlohmann::json> {
        context.reporter_followup->SignOut(token);
        return nlohmann::json();
      },
      204);
}

}  // namespace

void RegisterReporterRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.reporter_followup == nullptr || context.reporter_sessions == nullptr) return;
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/reporter/session", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleSignIn(context, request, response);
       }));
  Get(router, "/api/v1/reporter/report", Guard([&context](const Request& request, ResponseWriter& response) {
        RunAsReporter(context, request, response, "GET /api/v1/reporter/report",
                      [&context](const ReporterSessionPtr& session) -> Result<nlohmann::json> {
                        PB_ASSIGN_OR_RETURN(const auto view, context.reporter_followup->View(*session));
                        return ViewJson(view);
                      });
      }));
  Delete(router, "/api/v1/reporter/report", Guard([&context](const Request& request, ResponseWriter& response) {
           RunAsReporter(
               context, request, response, "DELETE /api/v1/reporter/report",
               [&context](const ReporterSessionPtr& session) -> Result<nlohmann::json> {
                 PB_RETURN_IF_ERROR(DeleteReporterReport(context, *session));
                 return nlohmann::json();
               },
               204);
         }));
  Post(router, "/api/v1/reporter/messages", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleReply(context, request, response);
       }));
  Post(router, "/api/v1/reporter/logout", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleLogout(context, request, response);
       }));
}

}  // namespace pillarbox::http
