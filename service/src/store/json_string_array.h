// The text of a JSON array of strings, for binding a list to one `?` that
// SQL reads with json_each (e.g. "desk_id IN (SELECT value FROM json_each(?))").
// Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace pillarbox::store {

// `values` as a JSON array: ["a","b"]. Quotes and backslashes are escaped;
// callers pass ids and closed values (no control characters).
std::string JsonStringArray(const std::vector<std::string>& values);

}  // namespace pillarbox::store
