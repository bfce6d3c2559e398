#include "http/report_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <memory>

#include <nlohmann/json.hpp>

#include "common/logging.h"
#include "http/json_request.h"
#include "http/responses.h"
#include "http/router_guards.h"
#include "http/status_mapping.h"
#include "http/submission_codec.h"
#include "intake/intake_service.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

constexpr char kRoute[] = "POST /api/v1/reports";

void Fail(ResponseWriter& response, const Status& status, std::chrono::steady_clock::time_point started) {
  SendError(response, status);
  LogRequest(kRoute, HttpCodeFor(status), started);
}

// Checks the envelope of the request and decodes it; the error otherwise.
Result<intake::Submission> DecodeReportRequest(const Request& request, const RouteContext& context) {
  PB_RETURN_IF_ERROR(RequireJsonBody(request, context.max_report_bytes));
  return DecodeSubmission(request.body());
}

void HandleSubmit(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  auto submission = DecodeReportRequest(request, context);
  if (!submission.ok()) return Fail(response, submission.status(), started);

  // The writer thread answers once the report is durably committed.
  auto pending = std::make_shared<ResponseWriter>(std::move(response));
  const Status queued = context.intake->Submit(*submission, [pending, started](Result<std::string> receipt) {
    if (!receipt.ok()) return Fail(*pending, receipt.status(), started);
    SendJson(*pending, 201, nlohmann::json{{"receipt", *receipt}}.dump());
    LogRequest(kRoute, 201, started);
  });
  if (!queued.ok()) Fail(*pending, queued, started);
}

}  // namespace

void RegisterReportRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  Pistache::Rest::Routes::Post(router, "/api/v1/reports",
                               Guard([&context](const Request& request, ResponseWriter& response) {
                                 HandleSubmit(context, request, response);
                               }));
}

}  // namespace pillarbox::http
