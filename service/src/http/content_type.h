// Content-Type checks for request bodies.
#pragma once

#include <optional>
#include <string_view>

#include "common/status.h"

namespace pillarbox::http {

// OK when `header` (the raw Content-Type value, absent when missing) names
// `expected` (e.g. "application/json"), compared case-insensitively and
// ignoring parameters such as "; charset=utf-8". A charset other than utf-8 is
// refused. UnsupportedMedia otherwise.
Status RequireMediaType(std::optional<std::string_view> header, std::string_view expected);

}  // namespace pillarbox::http
