// Aggregation over the caller's desks' reports, without decryption (Bearer
// token; reviewers and admins):
// GET /api/v1/aggregates/groups?by=organization|ai_system&min=2&limit=50
//     -> {"groups":[{"key","count","sample_report_id","open_case_ids"}]}
// GET /api/v1/aggregates/groups/:by/:key/reports?limit&after
//     -> {"reports":[summary],"next":cursor|null}
// GET /api/v1/reports/:id/related
//     -> {"reports":[summary + "reasons"],"open_case_ids":[...]}
// GET /api/v1/aggregates/pillars?from=YYYY-MM&to=YYYY-MM
//     -> {"counts":[{"pillar","kind","region","count"}]}
// 401 without a session, 403 for partners and researchers, 404 for a report
// outside the caller's desks, 400 naming the bad parameter. Handlers run on
// the worker pool. Registered only when RouteContext::aggregates is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`, before the /api/v1/reports/:id route.
// `context` must outlive the router.
void RegisterAggregateRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
