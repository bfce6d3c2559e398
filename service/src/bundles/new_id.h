// Fresh random ids for the rows the bundles part creates (organizations,
// redactions, bundles): 32 lowercase hex digits, like report and case ids.
// Thread-safe.
#pragma once

#include <string>

#include "privacy/bytes.h"

namespace pillarbox::bundles {

// 16 bytes from the system CSPRNG as 32 lowercase hex digits.
inline std::string NewRandomId() { return privacy::ToHex(privacy::RandomBytes(16)); }

}  // namespace pillarbox::bundles
