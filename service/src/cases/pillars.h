// The nine pillars of schema/taxonomy.json ("pillars"), as the values cases
// and reports are linked to. The integration test of case pillars checks this
// list against the taxonomy the service publishes. Thread-safe.
#pragma once

#include <array>
#include <string_view>

namespace pillarbox::cases {

inline constexpr std::array<std::string_view, 9> kPillars = {
    "narrative", "funding", "data", "data_centers", "resource_extraction", "labor", "adoption", "surveillance",
    "policy"};

// True when `value` is one of kPillars.
bool IsPillar(std::string_view value);

}  // namespace pillarbox::cases
