// The researchers' statistics API (stats/stats_service.h):
//   GET /api/v1/stats      JSON, or CSV when the Accept header asks for text/csv
//   GET /api/v1/stats.csv  CSV
// Query parameters group_by, from, to, mechanism, epsilon. Registered only
// when context.stats is set. Thread-safe (the work runs on context.workers).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "http/route_context.h"
#include "stats/stats_service.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

void RegisterStatsRoutes(Pistache::Rest::Router& router, const RouteContext& context);

// The JSON body of `answer`: mechanism, k or epsilon, remaining_budget,
// dimensions, and cells [{month, <dimension>: value..., count | suppressed}].
nlohmann::json StatsJson(const stats::StatsAnswer& answer);

// The CSV body of `answer` (RFC 4180, CRLF): header "month,<dimensions>,count,
// suppressed", one row per cell; a suppressed cell has an empty count and
// suppressed "true". A value starting with = + - @ (none of the closed
// vocabulary does) is prefixed with a quote so spreadsheets never run it;
// negative DP counts are numbers and stay as they are.
std::string StatsCsv(const stats::StatsAnswer& answer);

}  // namespace pillarbox::http
