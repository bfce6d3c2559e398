// The retention API (cases/retention_policy.h):
//   GET /api/v1/settings/retention  (admins and reviewers; 403 for partners and researchers)
//   PUT /api/v1/settings/retention  (admins only; 403 for everyone else, before the body is looked at)
//   PUT /api/v1/cases/{id}/legal-hold  {"held": bool} -> the case as GET /api/v1/cases/{id}
//     renders it (members of the case's desk; 404 for other desks; 403 for
//     partners and researchers)
// The settings routes are registered only when RouteContext::retention is
// set, the legal-hold route only when RouteContext::cases is set too.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterRetentionRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
