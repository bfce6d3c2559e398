// Time-based one-time passwords (RFC 6238) for reviewer login: HMAC-SHA1, a
// 30-second step counted from the Unix epoch, 6 digits, which is what
// authenticator apps support. The HMAC comes from liboath; nothing outside
// privacy/ includes its header. Thread-safe (liboath is initialized once).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::privacy {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
// Steps accepted either side of the current one, for clock drift.
inline constexpr int64_t kTotpDriftSteps = 1;

// The 6-digit code (zero-padded) for `unix_time` under `secret_base32`
// (RFC 4648 base32, padding optional, as GenerateTotpSecretBase32 makes).
// InvalidArgument for an empty or malformed secret or a time before the epoch;
// Internal when liboath fails to initialize.
Result<std::string> TotpCode(std::string_view secret_base32, int64_t unix_time);

// Checks `code` against the steps unix_time/kTotpStepSeconds - 1, + 0 and + 1.
// On a match whose step is greater than `last_used_step`, returns that step
// number; the caller stores it as the new last used step, so every code is
// accepted at most once. Unauthenticated ("invalid code") for a code that is
// not 6 ASCII digits, matches no step in the window, or matches only steps
// <= last_used_step (a replay, or a code older than one already used).
// InvalidArgument for a malformed secret. Never logs or echoes the code.
Result<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code, int64_t unix_time,
                           int64_t last_used_step);

}  // namespace pillarbox::privacy
