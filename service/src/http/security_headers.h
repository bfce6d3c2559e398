// Security headers that every response produced by Pistache handlers carries
// (docs/ARCHITECTURE.md, "HTTP"). Pistache never sends headers added with
// addRaw(), so each header is a Http::Header::Header subclass.
// Responses generated inside Pistache itself (413 for an oversized request,
// 408, parse-error 400s) bypass this: deploy/ adds the same headers at the
// reverse proxy.
#pragma once

#include <string>

namespace Pistache::Http {
class ResponseWriter;
}

namespace pillarbox::http {

// Content-Security-Policy for JSON responses: nothing may load, frame or submit.
inline constexpr char kApiContentSecurityPolicy[] =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Adds Content-Security-Policy (`csp`), X-Content-Type-Options: nosniff,
// Referrer-Policy: no-referrer, Cache-Control: no-store,
// Cross-Origin-Opener-Policy: same-origin, Cross-Origin-Resource-Policy:
// same-origin and X-Frame-Options: DENY to `response`. Call once per response.
void AddSecurityHeaders(Pistache::Http::ResponseWriter& response, const std::string& csp = kApiContentSecurityPolicy);

// Adds Retry-After: `seconds`.
void AddRetryAfter(Pistache::Http::ResponseWriter& response, int seconds);

}  // namespace pillarbox::http
