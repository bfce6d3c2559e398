// The reporter's follow-up API (reporter/reporter_followup.h), for reporters
// who come back with their receipt. Sessions are bearer tokens of
// intake::ReporterSessions, never staff tokens (a staff token is 401 here,
// and a reporter token is 401 on staff routes).
// POST   /api/v1/reporter/session {"receipt"} -> 201 {"token","expires_in"};
//        401 {"error":{"code":"unauthenticated","message":"receipt not recognised"}}
//        for ANY wrong receipt (malformed, unknown, deleted report), byte for
//        byte the same; 400 naming "receipt" when it is missing or not a string.
// GET    /api/v1/reporter/report -> 200 {"kind","title","received_day",
//        "status":{"code","words"},"answers":[{"field","label","value"}],
//        "messages":[{"seq","from","created_day","body"}]}
// POST   /api/v1/reporter/messages {"body"} -> 201 {"seq","from","created_day","body"}
//        (1..10,000 characters; 400 naming "body")
// DELETE /api/v1/reporter/report -> 204; the report is deleted now and every
//        session of it ends
// POST   /api/v1/reporter/logout -> 204
// Without a valid reporter session every route but sign-in is 401. Work runs
// on the worker pool (sign-in decrypts too). Nothing of a receipt, token or
// body is logged. Registered only when RouteContext::reporter_followup and
// reporter_sessions are set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterReporterRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
