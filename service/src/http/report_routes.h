// POST /api/v1/reports: the anonymous intake endpoint. Answers 201
// {"receipt": "..."} only after the report is durably committed; 400, 413,
// 415 or 503 (with Retry-After) otherwise, and then nothing is stored.
// When proof-of-work is on, the X-Pillarbox-Pow header is checked first
// (http/proof_of_work_check.h); when a submission quota is set, a valid
// report takes a slot, and past it the 503's Retry-After is the quota's
// wait. The body is never logged; the peer address is never read.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the route to `router`. `context` must outlive the router.
void RegisterReportRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
