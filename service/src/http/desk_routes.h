// Desk membership routes (admins): GET /api/v1/desks (every desk, its kinds,
// key version and members), POST /api/v1/desks/{id}/members {"user_id"} (the
// admin must hold the desk's key) and DELETE /api/v1/desks/{id}/members/{user_id}
// (rotates the desk key; answers the new key version). Other roles get 403.
// Registered only when RouteContext::desk_membership is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterDeskRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
