// Signing a staff account in over HTTP, for integration tests: the password
// and a TOTP code computed here from the account's secret.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace pillarbox::testing {

// POSTs /api/v1/auth/login for `credentials` (username, password,
// totp_secret as `init --json` or POST /api/v1/users print them) to the
// service on 127.0.0.1:`port`; returns the bearer token, or "" after adding
// a test failure when the answer is not 200. `clock_offset_seconds` (e.g.
// 30) computes the code of a later step, for a second sign-in of the same
// account within one 30-second step (each code works once; the service
// accepts one step of drift).
std::string SignInStaff(uint16_t port, const nlohmann::json& credentials, int64_t clock_offset_seconds = 0);

}  // namespace pillarbox::testing
