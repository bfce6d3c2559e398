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
// a test failure when the answer is not 200.
std::string SignInStaff(uint16_t port, const nlohmann::json& credentials);

}  // namespace pillarbox::testing
