// The reviewers' web app (admin-ui/app), served from memory:
//   GET /admin          the app's HTML document (one page; views are chosen
//                       by the URL fragment, e.g. /admin#/queue)
//   GET /admin/app.js   the bundled script (admin-ui/app/build.mjs)
//   GET /admin/app.css  the bundled stylesheet
// Each response carries the security headers with
// kAdminAppContentSecurityPolicy (scripts, styles and requests to this
// origin only; no inline script or style; nothing may frame the app) and
// Cache-Control: no-store. The assets are embedded at build time
// (admin-ui/CMakeLists.txt), so the binary never reads them from disk.
#pragma once

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

inline constexpr char kAdminAppContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

// Adds the three routes to `router`. Thread-safe once registered: the
// handlers only read the embedded bytes.
void RegisterAdminAppRoutes(Pistache::Rest::Router& router);

}  // namespace pillarbox::http
