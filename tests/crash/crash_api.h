// One JSON API call as a signed-in staff member, for the crash campaign.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "support/http_client.h"

namespace pillarbox::testing {

// `method` `path` on 127.0.0.1:`port` with `token` as the bearer token
// ("" sends none) and `body` as JSON when given; status 0 when the
// connection failed (the server is gone).
HttpResponse CallApi(HttpClient& client, const std::string& token, const std::string& method, const std::string& path,
                     const std::optional<nlohmann::json>& body = std::nullopt);

// The parsed body of `response` (null when it is not JSON).
nlohmann::json JsonOf(const HttpResponse& response);

}  // namespace pillarbox::testing
