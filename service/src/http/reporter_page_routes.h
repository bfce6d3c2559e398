// The server-rendered reporter pages (no JavaScript needed; HTML forms only):
//   GET  /                    what Pillarbox is, choose a kind, the way back
//   GET  /report/:kind        the questionnaire with a fresh form token
//   POST /report/:kind        application/x-www-form-urlencoded; on success
//                             the receipt page (200) once the report is
//                             durably committed; the form again with the
//                             answers kept and the errors next to their
//                             fields (400); 503 + Retry-After when busy
//   GET  /static/reporter.css the stylesheet, from memory
// Every page is text/html; charset=utf-8 with kPageContentSecurityPolicy and
// Cache-Control: no-store. Nothing is stored unless the whole report is
// valid and its form token is good. Logs name the route and status only.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router` when context.reporter_pages and
// context.form_tokens are set, and the follow-up pages with them
// (http/followup_page_routes.h) when their services are set too. `context`
// must outlive the router.
void RegisterReporterPageRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
