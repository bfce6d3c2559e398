// GET /api/v1/pow: a fresh proof-of-work challenge (public; registered only
// when proof-of-work is on, i.e. RouteContext::proof_of_work is set).
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the route to `router` when context.proof_of_work is set. The answer
// is 200 {"challenge","difficulty","expires_in"}; nothing is stored.
// `context` must outlive the router.
void RegisterProofOfWorkRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
