// The case API, for desk members (Bearer token; 401 without a session, 403
// for partners and researchers, 404 for a case outside the caller's desks):
//   GET    /api/v1/cases?status&limit&after      list, newest first
//   POST   /api/v1/cases                         create (201)
//   GET    /api/v1/cases/:id                     open (audited)
//   PATCH  /api/v1/cases/:id                     title, summary, status (revision checked)
//   POST   /api/v1/cases/:id/reports             link a report
//   DELETE /api/v1/cases/:id/reports/:report_id  unlink it
//   PUT    /api/v1/cases/:id/tags/:tag_id        and DELETE
//   PUT    /api/v1/cases/:id/pillars/:pillar     and DELETE
//   POST   /api/v1/cases/:id/notes               add a note (201)
//   GET    /api/v1/cases/:id/notes               read the notes (audited)
//   POST   /api/v1/cases/:id/merge               merge into {"into"}
// schema/openapi.yaml documents bodies and answers. Handlers run on the
// worker pool. Registered only when RouteContext::cases is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterCaseRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
