// Internal notes on a report and messages to its reporter, for members of
// the report's desk (Bearer token; partners and researchers 403; a report
// outside the caller's desks 404):
// POST /api/v1/reports/:id/notes {"body"} -> 201 {"id","author","created_at","body"}
// GET  /api/v1/reports/:id/notes -> {"notes":[{"id","author","created_at","body"}]},
//      oldest first, decrypted (audited); body null for a note sealed to a
//      desk key version the caller does not hold.
// POST /api/v1/reports/:id/messages {"body"} -> 201 {"seq","author_role","author","created_day","body"}
// GET  /api/v1/reports/:id/messages -> {"messages":[...]} in seq order, decrypted (audited).
// A body is 1..10,000 characters of UTF-8 (400 naming "body"). Registered
// only when RouteContext::report_notes / report_messages are set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Largest accepted JSON body of a note or message, in bytes (10,000
// characters of up to 4 bytes, with room for JSON escapes).
inline constexpr size_t kMaxNoteBody = 64 * 1024;

// Adds the routes to `router`. `context` must outlive the router.
void RegisterReportNoteRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
