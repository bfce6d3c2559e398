#include "crash_api.h"

#include <map>

namespace pillarbox::testing {

HttpResponse CallApi(HttpClient& client, const std::string& token, const std::string& method, const std::string& path,
                     const std::optional<nlohmann::json>& body) {
  std::map<std::string, std::string> headers;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  const std::optional<std::string> text = body ? std::optional<std::string>(body->dump()) : std::nullopt;
  return client.Request(method, path, text, text ? "application/json" : "", headers);
}

nlohmann::json JsonOf(const HttpResponse& response) { return nlohmann::json::parse(response.body, nullptr, false); }

}  // namespace pillarbox::testing
