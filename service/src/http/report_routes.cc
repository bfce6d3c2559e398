#include "http/report_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <memory>

#include <nlohmann/json.hpp>

#include "common/logging.h"
#include "http/json_request.h"
#include "http/proof_of_work_check.h"
#include "http/responses.h"
#include "http/router_guards.h"
#include "http/status_mapping.h"
#include "http/submission_codec.h"
#include "intake/intake_service.h"
#include "intake/submission_quota.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

constexpr char kRoute[] = "POST /api/v1/reports";

// Sends the error of `status`; a saturated intake (the quota, or the store's
// queue) says when to come back: the quota's own wait, at least 1 second.
void Fail(ResponseWriter& response, const Status& status, std::chrono::steady_clock::time_point started,
          const intake::SubmissionQuota* quota) {
  SendError(response, status, quota != nullptr ? quota->RetryAfterSeconds() : 1);
  LogRequest(kRoute, HttpCodeFor(status), started);
}

// Checks the envelope of the request (the proof of work first, when one is
// asked for, so junk costs its sender) and decodes it; the error otherwise.
Result<intake::Submission> DecodeReportRequest(const Request& request, const RouteContext& context) {
  PB_RETURN_IF_ERROR(CheckProofOfWork(request, context));
  PB_RETURN_IF_ERROR(RequireJsonBody(request, context.max_report_bytes));
  return DecodeSubmission(request.body());
}

void HandleSubmit(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  const intake::SubmissionQuota* quota = context.submission_quota;
  auto submission = DecodeReportRequest(request, context);
  if (!submission.ok()) return Fail(response, submission.status(), started, quota);

  // The writer thread answers once the report is durably committed. The
  // quota is charged only for a submission that passed validation.
  auto pending = std::make_shared<ResponseWriter>(std::move(response));
  const Status queued = context.intake->Submit(
      *submission,
      [pending, started, quota](Result<std::string> receipt) {
        if (!receipt.ok()) return Fail(*pending, receipt.status(), started, quota);
        SendJson(*pending, 201, nlohmann::json{{"receipt", *receipt}}.dump());
        LogRequest(kRoute, 201, started);
      },
      context.submission_quota);
  if (!queued.ok()) Fail(*pending, queued, started, quota);
}

}  // namespace

void RegisterReportRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  Pistache::Rest::Routes::Post(router, "/api/v1/reports",
                               Guard([&context](const Request& request, ResponseWriter& response) {
                                 HandleSubmit(context, request, response);
                               }));
}

}  // namespace pillarbox::http
