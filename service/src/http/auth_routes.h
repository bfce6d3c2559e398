// POST /api/v1/auth/login {"username","password","totp"} ->
//   200 {"token","role","expires_at"}; 401 for any wrong credential (one
//   status and body for all); 503 + Retry-After when too many logins wait.
// GET /api/v1/auth/session (Bearer) -> 200 {"user_id","username","role",
//   "desks":[desk ids],"idle_timeout_seconds","expires_at"}; refreshes the
//   idle timer like any authenticated request.
// POST /api/v1/auth/logout (Bearer) -> 204.
// POST /api/v1/auth/password (Bearer) {"current_password","new_password"} ->
//   200; the private key and TOTP secret are re-wrapped, every session of the
//   account ends (log in again); 401 wrong current password; 400 weak new one.
// Logins run on the worker pool (one Argon2id each), never on I/O threads;
// every attempt is audited. Registered only when RouteContext::login is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterAuthRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
