// The actions API (/api/v1/actions): the catalogue of public undertakings
// that cases feed. Registered with the case routes (it needs
// context.cases). Who may call what: cases/action_service.h.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router` when context.cases is set. `context` must
// outlive the router.
void RegisterActionRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
