// Labels on a report, for members of the report's desk (Bearer token):
// PUT    /api/v1/reports/:id/tags/:tag_id    -> 200 {"tags":[{"id","name"}],"pillars":[...]}
// DELETE /api/v1/reports/:id/tags/:tag_id    -> 200, the same body
// PUT    /api/v1/reports/:id/pillars/:pillar -> 200, the same body
// DELETE /api/v1/reports/:id/pillars/:pillar -> 200, the same body
// Idempotent: linking twice keeps one link, unlinking what is not linked is
// 200 too; each actual change is audited. 404 for a report outside the
// caller's desks or an unknown tag, 400 naming "pillar" for a value not in
// the taxonomy, 403 for partners and researchers. Registered only when
// RouteContext::report_labels is set.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/report_labels.h"
#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// {"tags":[{"id","name"}...],"pillars":[...]} for `labels`.
nlohmann::json ReportLabelsJson(const cases::ReportLabelSet& labels);

// Adds the routes to `router`. `context` must outlive the router.
void RegisterReportLabelRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
