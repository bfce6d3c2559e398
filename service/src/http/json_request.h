// The envelope every JSON request body goes through: Content-Type
// application/json (415 otherwise), a size cap (413), and for small control
// requests (login, account creation) parsing into an object whose string
// members are read by name. Parsing runs with exceptions off.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// Bodies of control requests (login, password change, account creation).
inline constexpr size_t kMaxControlBody = 4096;

// OK when the request's Content-Type is application/json (utf-8 or no
// charset) and its body is at most `max_bytes`; UnsupportedMedia or
// PayloadTooLarge otherwise.
Status RequireJsonBody(const Pistache::Rest::Request& request, size_t max_bytes);

// RequireJsonBody, then the body parsed as a JSON object; InvalidArgument
// ("body is not a JSON object") when it is not one.
Result<nlohmann::json> ParseJsonObjectBody(const Pistache::Rest::Request& request,
                                           size_t max_bytes = kMaxControlBody);

// Copies each named member of `object`, which must be a string, to its
// target. InvalidArgument ("must be a string", field = the name) for the
// first that is missing or not a string; targets before it may be written.
Status ReadStringMembers(const nlohmann::json& object,
                         std::initializer_list<std::pair<const char*, std::string*>> members);

}  // namespace pillarbox::http
