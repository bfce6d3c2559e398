#include "http/report_label_routes.h"

#include <pistache/router.h>

#include "http/authenticated_json.h"
#include "http/router_guards.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using Session = std::shared_ptr<const accounts::Session>;

// A ReportLabels member function changing one label.
using LabelChange = Result<cases::ReportLabelSet> (cases::ReportLabels::*)(const accounts::Session&, std::string_view,
                                                                           std::string_view);

// A handler for `route` whose path names the report (":id") and the label (`label_param`).
Pistache::Rest::Route::Handler ChangeHandler(const RouteContext& context, const char* route, const char* label_param,
                                             LabelChange change) {
  return Guard([&context, route, label_param, change](const Request& request, ResponseWriter& response) {
    const std::string id = request.param(":id").as<std::string>();
    const std::string label = request.param(label_param).as<std::string>();
    RunAuthenticated(context, request, response, route,
                     [&context, id, label, change](const Session& session) -> Result<nlohmann::json> {
                       PB_ASSIGN_OR_RETURN(const auto labels, (context.report_labels->*change)(*session, id, label));
                       return ReportLabelsJson(labels);
                     });
  });
}

}  // namespace

nlohmann::json ReportLabelsJson(const cases::ReportLabelSet& labels) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& tag : labels.tags) tags.push_back({{"id", tag.id}, {"name", tag.name}});
  return {{"tags", std::move(tags)}, {"pillars", labels.pillars}};
}

void RegisterReportLabelRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.report_labels == nullptr) return;
  using namespace Pistache::Rest::Routes;
  using cases::ReportLabels;
  Put(router, "/api/v1/reports/:id/tags/:tag_id",
      ChangeHandler(context, "PUT /api/v1/reports/:id/tags/:tag_id", ":tag_id", &ReportLabels::AddTag));
  Delete(router, "/api/v1/reports/:id/tags/:tag_id",
         ChangeHandler(context, "DELETE /api/v1/reports/:id/tags/:tag_id", ":tag_id", &ReportLabels::RemoveTag));
  Put(router, "/api/v1/reports/:id/pillars/:pillar",
      ChangeHandler(context, "PUT /api/v1/reports/:id/pillars/:pillar", ":pillar", &ReportLabels::AddPillar));
  Delete(router, "/api/v1/reports/:id/pillars/:pillar",
         ChangeHandler(context, "DELETE /api/v1/reports/:id/pillars/:pillar", ":pillar", &ReportLabels::RemovePillar));
}

}  // namespace pillarbox::http
