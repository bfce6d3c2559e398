// Reading query-string parameters. Pistache hands them over exactly as sent
// (PISTACHE.md: nothing is URL-decoded), while browsers and URLSearchParams
// percent-encode reserved characters ("kind%2Cregion") and may send "+" for
// a space. Every handler reads its parameters through these functions so
// each value is decoded once, the same way. Pure; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// The decoded value of query parameter `name`, or nullopt when absent. "%XX"
// becomes its byte and "+" a space when the whole value is well formed and
// decodes to valid UTF-8; otherwise the value is returned as sent, and the
// caller's validation (closed vocabularies, ids, days) refuses it.
std::optional<std::string> QueryParameter(const Pistache::Rest::Request& request, std::string_view name);

// Query parameter `name` as a whole number; `fallback` when absent.
// InvalidArgument naming `name` ("must be a whole number") for anything else,
// including an empty value or one outside int64_t.
Result<int64_t> QueryWholeNumber(const Pistache::Rest::Request& request, std::string_view name, int64_t fallback);

}  // namespace pillarbox::http
