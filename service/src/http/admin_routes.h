// Admin endpoints (Bearer token of an admin):
// POST /api/v1/users {"username","role","desks":[...]} -> 201 with the new
//   account's password, TOTP secret and otpauth URI, and recovery code, shown
//   this once;
// POST /api/v1/users/:id/disable -> {"id","disabled":true}; the account's
//   sessions end at once and it can no longer log in;
// GET /api/v1/audit?after=SEQ&limit=N -> {"entries":[...]} in order.
// Other roles get 403. Registered only when RouteContext::account_admin is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterAdminRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
