// The link routes of the case API (see case_routes.h): a case's reports,
// tags and pillars. Registered by RegisterCaseRoutes.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the link routes to `router`; context.cases must be set. `context`
// must outlive the router.
void RegisterCaseLinkRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
