// Reading reports, for desk members (Bearer token) (the queue,
// GET /api/v1/reports, is in http/triage_routes.h):
// GET /api/v1/reports/:id -> the decrypted report (audited) with its "tags"
//   ([{"id","name"}]) and "pillars" when RouteContext::report_labels is set;
//   404 when it is not on the caller's desks. 401 without a valid session, 403 for roles
//   that never read reports (partner, researcher).
// Handlers run on the worker pool. Registered only when RouteContext::reports
// is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterReviewerReportRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
