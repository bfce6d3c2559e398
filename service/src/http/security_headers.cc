#include "http/security_headers.h"

#include <pistache/http.h>
#include <pistache/http_header.h>

#include "http/value_header.h"

namespace pillarbox::http {
namespace {

constexpr char kCsp[] = "Content-Security-Policy";
constexpr char kContentTypeOptions[] = "X-Content-Type-Options";
constexpr char kReferrerPolicy[] = "Referrer-Policy";
constexpr char kCacheControl[] = "Cache-Control";
constexpr char kOpenerPolicy[] = "Cross-Origin-Opener-Policy";
constexpr char kResourcePolicy[] = "Cross-Origin-Resource-Policy";
constexpr char kFrameOptions[] = "X-Frame-Options";
constexpr char kRetryAfter[] = "Retry-After";

}  // namespace

void AddSecurityHeaders(Pistache::Http::ResponseWriter& response, const std::string& csp) {
  auto& headers = response.headers();
  headers.add<ValueHeader<kCsp>>(csp);
  headers.add<ValueHeader<kContentTypeOptions>>("nosniff");
  headers.add<ValueHeader<kReferrerPolicy>>("no-referrer");
  headers.add<ValueHeader<kCacheControl>>("no-store");
  headers.add<ValueHeader<kOpenerPolicy>>("same-origin");
  headers.add<ValueHeader<kResourcePolicy>>("same-origin");
  headers.add<ValueHeader<kFrameOptions>>("DENY");
}

void AddRetryAfter(Pistache::Http::ResponseWriter& response, int seconds) {
  response.headers().add<ValueHeader<kRetryAfter>>(std::to_string(seconds));
}

}  // namespace pillarbox::http
