#include "http/reviewer_report_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <memory>

#include <nlohmann/json.hpp>

#include "cases/report_labels.h"
#include "cases/report_reader.h"
#include "cases/workflow_service.h"
#include "common/logging.h"
#include "common/worker_pool.h"
#include "http/authenticated_json.h"
#include "http/report_label_routes.h"
#include "http/responses.h"
#include "http/router_guards.h"
#include "http/status_mapping.h"
#include "http/triage_codec.h"
#include "store/reader_pool.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

nlohmann::json SummaryJson(const store::ReportSummary& summary) {
  return {{"id", summary.id},         {"kind", summary.kind},     {"desk", summary.desk_id},
          {"received_day", summary.received_day}, {"region", summary.region}, {"sector", summary.sector},
          {"status", summary.status}, {"demo", summary.demo}};
}

}  // namespace

void RegisterReviewerReportRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.reports == nullptr) return;
  using Pistache::Rest::Routes::Get;
  Get(router, "/api/v1/reports/:id", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/reports/:id",
                         [&context, id](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(auto report, context.reports->Open(*session, id));
                           nlohmann::json answers = nlohmann::json::object();
                           for (const auto& answer : report.sealed_answers) answers[answer.field] = answer.value;
                           for (const auto& answer : report.clear_answers) answers[answer.field].push_back(answer.value);
                           nlohmann::json body = SummaryJson(report.summary);
                           body["answers"] = std::move(answers);
                           body["closed_day"] = report.closed_day.empty() ? nlohmann::json(nullptr)
                                                                          : nlohmann::json(report.closed_day);
                           if (context.workflow != nullptr) {
                             auto lease = context.readers->Acquire();
                             PB_ASSIGN_OR_RETURN(const auto state, context.workflow->Describe(lease.db(), id));
                             body.update(WorkflowStateJson(state));  // revision, assignee, deadlines
                           }
                           if (context.report_labels != nullptr) {
                             PB_ASSIGN_OR_RETURN(const auto labels, context.report_labels->Of(*session, id));
                             body.update(ReportLabelsJson(labels));  // "tags" and "pillars"
                           }
                           return body;
                         });
      }));
}

}  // namespace pillarbox::http
