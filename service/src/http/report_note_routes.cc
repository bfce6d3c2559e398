#include "http/report_note_routes.h"

#include <pistache/router.h>

#include <nlohmann/json.hpp>

#include "cases/report_messages.h"
#include "cases/report_notes.h"
#include "http/authenticated_json.h"
#include "http/json_request.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

Result<std::string> ReadBody(const Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request, kMaxNoteBody));
  std::string text;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"body", &text}}));
  return text;
}

nlohmann::json NoteJson(const cases::PlainNote& note) {
  return {{"id", note.id},
          {"author", {{"id", note.author_id}, {"username", note.author_username}}},
          {"created_at", note.created_at},
          {"body", note.body.has_value() ? nlohmann::json(*note.body) : nlohmann::json(nullptr)}};
}

nlohmann::json MessageJson(const cases::PlainMessage& message) {
  return {
      {"seq", message.seq},
      {"author_role", message.author_role},
      {"author", message.author_username.empty() ? nlohmann::json(nullptr) : nlohmann::json(message.author_username)},
      {"created_day", message.created_day},
      {"body", message.body}};
}

Result<nlohmann::json> ListNotesJson(const RouteContext& context, const Session& session, const std::string& id) {
  PB_ASSIGN_OR_RETURN(const auto notes, context.report_notes->List(*session, id));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& note : notes) out.push_back(NoteJson(note));
  return nlohmann::json{{"notes", std::move(out)}};
}

Result<nlohmann::json> ListMessagesJson(const RouteContext& context, const Session& session, const std::string& id) {
  PB_ASSIGN_OR_RETURN(const auto messages, context.report_messages->List(*session, id));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& message : messages) out.push_back(MessageJson(message));
  return nlohmann::json{{"messages", std::move(out)}};
}

void RegisterNoteRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/reports/:id/notes", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         auto body = ReadBody(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/reports/:id/notes",
             [&context, id, body](const Session& session) -> Result<nlohmann::json> {
               if (!body.ok()) return body.status();
               PB_ASSIGN_OR_RETURN(const auto note, context.report_notes->Add(*session, id, *body));
               return NoteJson(note);
             },
             201);
       }));
  Get(router, "/api/v1/reports/:id/notes", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/reports/:id/notes",
                         [&context, id](const Session& session) { return ListNotesJson(context, session, id); });
      }));
}

void RegisterMessageRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using namespace Pistache::Rest::Routes;
  Post(router, "/api/v1/reports/:id/messages", Guard([&context](const Request& request, ResponseWriter& response) {
         const std::string id = request.param(":id").as<std::string>();
         auto body = ReadBody(request);
         RunAuthenticated(
             context, request, response, "POST /api/v1/reports/:id/messages",
             [&context, id, body](const Session& session) -> Result<nlohmann::json> {
               if (!body.ok()) return body.status();
               PB_ASSIGN_OR_RETURN(const auto message, context.report_messages->Send(*session, id, *body));
               return MessageJson(message);
             },
             201);
       }));
  Get(router, "/api/v1/reports/:id/messages", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/reports/:id/messages",
                         [&context, id](const Session& session) { return ListMessagesJson(context, session, id); });
      }));
}

}  // namespace

void RegisterReportNoteRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.report_notes != nullptr) RegisterNoteRoutes(router, context);
  if (context.report_messages != nullptr) RegisterMessageRoutes(router, context);
}

}  // namespace pillarbox::http
