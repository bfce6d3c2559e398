#include "http/reporter_cookie.h"

#include <pistache/cookie.h>
#include <pistache/router.h>

namespace pillarbox::http {
namespace {

Pistache::Http::Cookie MakeCookie(const std::string& value, int64_t max_age_seconds) {
  Pistache::Http::Cookie cookie(kReporterCookie, value);
  cookie.path = "/";
  cookie.httpOnly = true;
  cookie.secure = true;
  cookie.maxAge = static_cast<int>(max_age_seconds);
  cookie.ext["SameSite"] = "Strict";
  return cookie;
}

}  // namespace

std::string ReporterCookieToken(const Pistache::Rest::Request& request) {
  const auto& cookies = request.cookies();
  if (!cookies.has(kReporterCookie)) return "";
  return cookies.get(kReporterCookie).value;
}

void SetReporterCookie(Pistache::Http::ResponseWriter& response, const std::string& token, int64_t max_age_seconds) {
  response.cookies().add(MakeCookie(token, max_age_seconds));
}

void ClearReporterCookie(Pistache::Http::ResponseWriter& response) { response.cookies().add(MakeCookie("", 0)); }

}  // namespace pillarbox::http
