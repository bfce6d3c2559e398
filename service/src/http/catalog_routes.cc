#include "http/catalog_routes.h"

#include <pistache/router.h>

#include <chrono>

#include "common/logging.h"
#include "http/responses.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

void ServeDocument(ResponseWriter& response, const char* route, const std::string& document,
                   std::chrono::steady_clock::time_point started) {
  SendJson(response, 200, document);
  LogRequest(route, 200, started);
}

}  // namespace

void RegisterCatalogRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  using Pistache::Rest::Routes::Get;
  Get(router, "/healthz", Guard([](const Request&, ResponseWriter& response) {
        SendJson(response, 200, R"({"status":"ok"})");
      }));
  Get(router, "/api/v1/taxonomy", Guard([&context](const Request&, ResponseWriter& response) {
        ServeDocument(response, "GET /api/v1/taxonomy", context.taxonomy_document, std::chrono::steady_clock::now());
      }));
  Get(router, "/api/v1/questionnaires/:kind", Guard([&context](const Request& request, ResponseWriter& response) {
    const auto started = std::chrono::steady_clock::now();
    const auto found = context.questionnaire_documents.find(request.param(":kind").as<std::string>());
    if (found == context.questionnaire_documents.end()) {
      SendError(response, Status::NotFound("no questionnaire for this kind").WithFieldPrefix("kind"));
      LogRequest("GET /api/v1/questionnaires/:kind", 404, started);
    } else {
      ServeDocument(response, "GET /api/v1/questionnaires/:kind", found->second, started);
    }
  }));
}

}  // namespace pillarbox::http
