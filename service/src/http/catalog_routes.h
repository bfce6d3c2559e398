// Read-only public routes: GET /healthz, GET /api/v1/taxonomy,
// GET /api/v1/questionnaires/:kind.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterCatalogRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
