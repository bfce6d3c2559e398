// Sending the reporter pages: complete HTML documents and the stylesheet,
// with the security headers and the pages' Content-Security-Policy (nothing
// but the same-origin stylesheet and images may load; forms post only to
// this origin; no script at all). Thread-safe as Pistache's send is.
#pragma once

#include <string>

namespace Pistache::Http {
class ResponseWriter;
}

namespace pillarbox::http {

inline constexpr char kPageContentSecurityPolicy[] =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

// Sends `html` as text/html; charset=utf-8 with HTTP code `code`, the security
// headers and kPageContentSecurityPolicy. Consumes the writer's single send.
void SendHtml(Pistache::Http::ResponseWriter& response, int code, const std::string& html);

// The same, adding Retry-After: `retry_after_seconds` (for 503 pages).
void SendBusyHtml(Pistache::Http::ResponseWriter& response, const std::string& html, int retry_after_seconds);

// Sends 303 See Other to `location` (a path on this site) with the same
// headers and no body: a form posted successfully, the browser GETs the page.
void SendSeeOther(Pistache::Http::ResponseWriter& response, const std::string& location);

// Sends `css` as text/css; charset=utf-8 (200) with the same headers.
void SendCss(Pistache::Http::ResponseWriter& response, const std::string& css);

}  // namespace pillarbox::http
