// Tags, for admins and reviewers (Bearer token; partners and researchers 403):
// POST  /api/v1/tags {"name"} -> 201 {"id","name"}; 400 naming "name" when
//       malformed, 409 naming "name" when taken (ignoring ASCII case);
// GET   /api/v1/tags -> {"tags":[{"id","name","reports","cases"}]}, counts on
//       the caller's desks;
// PATCH /api/v1/tags/:id {"name"} -> 200 {"id","name"}; 404 unknown tag;
// POST  /api/v1/tags/:id/merge {"into"} -> 200 {"id","into","report_links",
//       "case_links"}: every link moves to "into", then :id is deleted.
// Handlers run on the worker pool. Registered only when RouteContext::tags is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterTagRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
