// The triage queue and the report workflow, for desk members (Bearer token):
// GET  /api/v1/reports?limit&after&kind&desk&region&sector&status&tag&pillar
//      &assignee&from&to&overdue -> {"reports":[items],"next":cursor|null}
// GET  /api/v1/reports/counts?(same filters but status) -> {"counts":{status:n}}
// POST /api/v1/reports/:id/status {"status","reason"?,"revision"} -> item
// POST /api/v1/reports/:id/assignee {"assignee":id|null,"revision"} -> item
// GET  /api/v1/settings/deadlines -> {"acknowledge_days","feedback_days"}
// PUT  /api/v1/settings/deadlines (admins) -> the stored deadlines
// Items are TriageItemJson (http/triage_codec.h). 401 without a session, 403
// for partners and researchers (and for non-admins on PUT), 404 for a report
// outside the caller's desks, 409 naming "status" or "revision". Handlers
// run on the worker pool. Registered only when RouteContext::triage is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`, before the /api/v1/reports/:id route.
// `context` must outlive the router.
void RegisterTriageRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
