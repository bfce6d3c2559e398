#include "cases/pillars.h"

#include <algorithm>

namespace pillarbox::cases {

bool IsPillar(std::string_view value) { return std::find(kPillars.begin(), kPillars.end(), value) != kPillars.end(); }

}  // namespace pillarbox::cases
