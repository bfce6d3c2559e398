#include "http/stats_routes.h"

#include <pistache/http.h>
#include <pistache/router.h>

#include <chrono>
#include <memory>

#include "common/logging.h"
#include "http/authenticated_json.h"
#include "http/bearer_auth.h"
#include "http/query_parameter.h"
#include "http/router_guards.h"
#include "http/security_headers.h"
#include "http/status_mapping.h"
#include "http/value_header.h"
#include "http/worker_json.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

constexpr char kContentType[] = "Content-Type";
constexpr char kContentDisposition[] = "Content-Disposition";

stats::StatsRequest ReadRequest(const Request& request) {
  stats::StatsRequest parsed;
  parsed.group_by = QueryParameter(request, "group_by");
  parsed.from = QueryParameter(request, "from");
  parsed.to = QueryParameter(request, "to");
  parsed.mechanism = QueryParameter(request, "mechanism");
  parsed.epsilon = QueryParameter(request, "epsilon");
  return parsed;
}

bool WantsCsv(const Request& request) {
  const auto accept = request.headers().tryGetRaw("Accept");
  return accept && accept->value().find("text/csv") != std::string::npos;
}

std::string CsvCell(const std::string& value) {
  std::string cell = value;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell = "'" + cell;
  if (cell.find_first_of(",\"\r\n") != std::string::npos) {
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  }
  return cell;
}

void SendCsv(ResponseWriter& response, const std::string& body) {
  AddSecurityHeaders(response);
  response.headers().add<ValueHeader<kContentType>>("text/csv; charset=utf-8");
  response.headers().add<ValueHeader<kContentDisposition>>("attachment; filename=\"pillarbox-stats.csv\"");
  response.send(Pistache::Http::Code::Ok, body);
}

// GET /api/v1/stats answered as CSV: authenticated on the I/O thread, the
// query run on the worker pool.
void RunCsv(const RouteContext& context, const Request& request, ResponseWriter& response, const char* route) {
  const auto started = std::chrono::steady_clock::now();
  auto session = AuthenticateRequest(request, *context.sessions);
  if (!session.ok()) return FailRequest(response, route, started, session.status());
  PostWithResponse(
      *context.workers, response,
      [&context, route, started, session = std::move(*session), query = ReadRequest(request)](ResponseWriter& writer) {
        auto answer = context.stats->Query(*session, query);
        if (!answer.ok()) return FailRequest(writer, route, started, answer.status());
        SendCsv(writer, StatsCsv(*answer));
        LogRequest(route, 200, started);
      },
      [route, started](ResponseWriter& writer, const Status& status) { FailRequest(writer, route, started, status); });
}

void RunJson(const RouteContext& context, const Request& request, ResponseWriter& response) {
  RunAuthenticated(context, request, response, "GET /api/v1/stats",
                   [&context, query = ReadRequest(request)](
                       const std::shared_ptr<const accounts::Session>& session) -> Result<nlohmann::json> {
                     PB_ASSIGN_OR_RETURN(auto answer, context.stats->Query(*session, query));
                     return StatsJson(answer);
                   });
}

}  // namespace

nlohmann::json StatsJson(const stats::StatsAnswer& answer) {
  nlohmann::json body{{"mechanism", answer.mechanism},
                      {"remaining_budget", answer.remaining_budget},
                      {"dimensions", answer.dimensions}};
  if (answer.mechanism == "dp") {
    body["epsilon"] = answer.epsilon;
  } else {
    body["k"] = answer.k;
  }
  nlohmann::json cells = nlohmann::json::array();
  for (const auto& cell : answer.cells) {
    nlohmann::json item{{"month", cell.month}};
    for (size_t i = 0; i < cell.values.size() && i < answer.dimensions.size(); ++i) {
      item[answer.dimensions[i]] = cell.values[i];
    }
    if (cell.suppressed) {
      item["suppressed"] = true;
    } else {
      item["count"] = cell.count;
    }
    cells.push_back(std::move(item));
  }
  body["cells"] = std::move(cells);
  return body;
}

std::string StatsCsv(const stats::StatsAnswer& answer) {
  std::string csv = "month";
  for (const auto& dimension : answer.dimensions) csv += "," + CsvCell(dimension);
  csv += ",count,suppressed\r\n";
  for (const auto& cell : answer.cells) {
    csv += CsvCell(cell.month);
    for (const auto& value : cell.values) csv += "," + CsvCell(value);
    csv += cell.suppressed ? std::string(",,true") : "," + std::to_string(cell.count) + ",false";
    csv += "\r\n";
  }
  return csv;
}

void RegisterStatsRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.stats == nullptr) return;
  using Pistache::Rest::Routes::Get;
  Get(router, "/api/v1/stats.csv", Guard([&context](const Request& request, ResponseWriter& response) {
        RunCsv(context, request, response, "GET /api/v1/stats.csv");
      }));
  Get(router, "/api/v1/stats", Guard([&context](const Request& request, ResponseWriter& response) {
        if (WantsCsv(request)) return RunCsv(context, request, response, "GET /api/v1/stats");
        RunJson(context, request, response);
      }));
}

}  // namespace pillarbox::http
