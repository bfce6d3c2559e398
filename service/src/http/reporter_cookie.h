// The reporter pages' session cookie: the reporter session token
// (intake/reporter_sessions.h) in an HttpOnly, SameSite=Strict, Path=/
// cookie, so no script can read it and no other site's page can send it.
// Marked Secure: browsers keep it on https, on .onion (Tor Browser counts
// onion services as secure) and on http://127.0.0.1 / localhost (checked with
// Chromium 156 by hand; the browser test signs in over http://127.0.0.1), so
// it never travels over plain http to any other host.
// Thread-safe (no state).
#pragma once

#include <cstdint>
#include <string>

namespace Pistache::Http {
class ResponseWriter;
}
namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

inline constexpr char kReporterCookie[] = "pillarbox_reporter";

// The session token the request's cookie carries, or "" when none.
std::string ReporterCookieToken(const Pistache::Rest::Request& request);

// Sets the cookie to `token`, living `max_age_seconds`.
void SetReporterCookie(Pistache::Http::ResponseWriter& response, const std::string& token, int64_t max_age_seconds);

// Tells the browser to forget the cookie.
void ClearReporterCookie(Pistache::Http::ResponseWriter& response);

}  // namespace pillarbox::http
