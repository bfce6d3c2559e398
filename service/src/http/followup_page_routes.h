// The reporter's way back, as server-rendered pages (no JavaScript):
//   GET  /followup           the receipt sign-in form
//   POST /followup           receipt=...; 303 to /followup/report with the
//                            session cookie (reporter_cookie.h); a wrong
//                            receipt: 401 with the form and one generic error
//   GET  /followup/report    status in plain words, the conversation, a reply
//                            form, the answers; 401 "sign in again" without a
//                            live session
//   POST /followup/messages  body=...&form_token=...; 303 back to the report
//                            (with ?sent=1) or the report again with the
//                            error next to the reply box (400)
//   POST /followup/delete    without confirm=yes: the confirmation page; with
//                            it and a good form token: the report is deleted
//   POST /followup/signout   ends the session and clears the cookie
// The form token (purpose bound to the report) doubles as the CSRF token; the
// cookie is SameSite=Strict too. Logs name the route and status only.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes when reporter_pages, form_tokens, reporter_followup,
// reporter_sessions and workers are set. `context` must outlive the router.
void RegisterFollowupPageRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
