#include "http/bearer_auth.h"

#include <pistache/router.h>

#include <strings.h>

namespace pillarbox::http {

std::string BearerToken(const Pistache::Rest::Request& request) {
  const auto header = request.headers().tryGetRaw("Authorization");
  if (!header.has_value()) return "";
  const std::string& value = header->value();
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size() || strncasecmp(value.c_str(), kScheme.data(), kScheme.size()) != 0) return "";
  return value.substr(kScheme.size());
}

Result<std::shared_ptr<const accounts::Session>> AuthenticateRequest(const Pistache::Rest::Request& request,
                                                                    accounts::SessionStore& sessions) {
  const std::string token = BearerToken(request);
  if (token.empty()) return Status::Unauthenticated("a bearer token is required");
  return sessions.Authenticate(token);
}

}  // namespace pillarbox::http
