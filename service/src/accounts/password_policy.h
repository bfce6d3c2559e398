// The rules a password chosen by a person must meet (docs/ARCHITECTURE.md,
// "Keys"): long enough, not common, not a trivial pattern, not the username.
// Following NIST SP 800-63B there are no composition rules (no required digit
// or symbol) and no forced periodic change. Thread-safe: the common-password
// list is parsed once, on first use, from the copy embedded in the binary
// (schema/common_passwords.txt).
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"

namespace pillarbox::accounts {

inline constexpr size_t kMinPasswordCodePoints = 12;
inline constexpr size_t kMaxPasswordBytes = 256;

// OK when `password` may be set for the account named `username`. Otherwise
// InvalidArgument with field "password" and a message saying what to change
// (never the password itself) when the password is not valid UTF-8, is longer
// than kMaxPasswordBytes bytes, has fewer than kMinPasswordCodePoints code
// points, contains the username, is on the common-password list, or is one
// character (or a unit of up to four bytes) repeated, a run such as "abcdefghijkl" or "123456789012", or a
// keyboard walk such as "qwertyuiop[]". Comparisons ignore ASCII case; the
// list is also checked with trailing digits and punctuation removed and with
// spaces, '-', '_' and '.' removed.
Status CheckNewPassword(std::string_view password, std::string_view username);

}  // namespace pillarbox::accounts
