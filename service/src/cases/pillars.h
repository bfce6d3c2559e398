// The nine pillars of schema/taxonomy.json ("pillars"), which reports and
// cases are linked to. A unit test keeps this list equal to the taxonomy.
// Pure; thread-safe.
#pragma once

#include <array>
#include <string_view>

namespace pillarbox::cases {

inline constexpr std::array<std::string_view, 9> kPillars = {
    "narrative", "funding",  "data",         "data_centers", "resource_extraction",
    "labor",     "adoption", "surveillance", "policy",
};

// True when `value` is one of kPillars.
bool IsPillar(std::string_view value);

}  // namespace pillarbox::cases
