#include "http/aggregate_routes.h"

#include <pistache/router.h>

#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cases/aggregates.h"
#include "http/authenticated_json.h"
#include "http/query_parameter.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

// `value` clamped into int (the services check the range).
int AsInt(int64_t value) {
  if (value > 1'000'000) return 1'000'000;
  if (value < -1) return -1;
  return static_cast<int>(value);
}

nlohmann::json SummaryJson(const store::ReportSummary& summary) {
  return {{"id", summary.id},
          {"kind", summary.kind},
          {"desk", summary.desk_id},
          {"received_day", summary.received_day},
          {"region", summary.region},
          {"sector", summary.sector},
          {"status", summary.status}};
}

nlohmann::json GroupsJson(const std::vector<cases::AggregateGroup>& groups) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& group : groups) {
    list.push_back({{"key", group.key},
                    {"count", group.count},
                    {"sample_report_id", group.sample_report_id},
                    {"open_case_ids", group.open_case_ids}});
  }
  return nlohmann::json{{"groups", list}};
}

nlohmann::json RelatedJson(const cases::RelatedReports& related) {
  nlohmann::json reports = nlohmann::json::array();
  for (const auto& report : related.reports) {
    nlohmann::json item = SummaryJson(report.summary);
    item["reasons"] = report.reasons;
    reports.push_back(std::move(item));
  }
  return nlohmann::json{{"reports", reports}, {"open_case_ids", related.open_case_ids}};
}

nlohmann::json PillarsJson(const std::vector<store::PillarCount>& counts) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& count : counts) {
    list.push_back(
        {{"pillar", count.pillar}, {"kind", count.kind}, {"region", count.region}, {"count", count.count}});
  }
  return nlohmann::json{{"counts", list}};
}

void RegisterGroups(Pistache::Rest::Router& router, const RouteContext& context) {
  using Pistache::Rest::Routes::Get;
  Get(router, "/api/v1/aggregates/groups", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string by = QueryParameter(request, "by").value_or("");
        const auto min = QueryWholeNumber(request, "min", 2);
        const auto limit = QueryWholeNumber(request, "limit", 50);
        RunAuthenticated(context, request, response, "GET /api/v1/aggregates/groups",
                         [&context, by, min, limit](const Session& session) -> Result<nlohmann::json> {
                           if (!min.ok()) return min.status();
                           if (!limit.ok()) return limit.status();
                           PB_ASSIGN_OR_RETURN(auto groups,
                                               context.aggregates->Groups(*session, by, *min, AsInt(*limit)));
                           return GroupsJson(groups);
                         });
      }));
  Get(router, "/api/v1/aggregates/groups/:by/:key/reports",
      Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string by = request.param(":by").as<std::string>();
        const std::string key = request.param(":key").as<std::string>();
        const auto limit = QueryWholeNumber(request, "limit", 50);
        const std::string after = QueryParameter(request, "after").value_or("");
        RunAuthenticated(context, request, response, "GET /api/v1/aggregates/groups/:by/:key/reports",
                         [&context, by, key, limit, after](const Session& session) -> Result<nlohmann::json> {
                           if (!limit.ok()) return limit.status();
                           PB_ASSIGN_OR_RETURN(auto page, context.aggregates->GroupReports(*session, by, key,
                                                                                          AsInt(*limit), after));
                           nlohmann::json reports = nlohmann::json::array();
                           for (const auto& report : page.reports) reports.push_back(SummaryJson(report));
                           return nlohmann::json{{"reports", reports},
                                                 {"next", page.next_cursor.empty() ? nlohmann::json(nullptr)
                                                                                   : nlohmann::json(page.next_cursor)}};
                         });
      }));
}

void RegisterRelatedAndPillars(Pistache::Rest::Router& router, const RouteContext& context) {
  using Pistache::Rest::Routes::Get;
  Get(router, "/api/v1/reports/:id/related", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string id = request.param(":id").as<std::string>();
        RunAuthenticated(context, request, response, "GET /api/v1/reports/:id/related",
                         [&context, id](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(auto related, context.aggregates->Related(*session, id));
                           return RelatedJson(related);
                         });
      }));
  Get(router, "/api/v1/aggregates/pillars", Guard([&context](const Request& request, ResponseWriter& response) {
        const std::string from = QueryParameter(request, "from").value_or("");
        const std::string to = QueryParameter(request, "to").value_or("");
        RunAuthenticated(context, request, response, "GET /api/v1/aggregates/pillars",
                         [&context, from, to](const Session& session) -> Result<nlohmann::json> {
                           PB_ASSIGN_OR_RETURN(auto counts, context.aggregates->Pillars(*session, from, to));
                           return PillarsJson(counts);
                         });
      }));
}

}  // namespace

void RegisterAggregateRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.aggregates == nullptr) return;
  RegisterGroups(router, context);
  RegisterRelatedAndPillars(router, context);
}

}  // namespace pillarbox::http
