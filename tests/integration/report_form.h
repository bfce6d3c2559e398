// The reporter's plain HTML form as a browser without JavaScript sends it,
// for integration tests: URL-encoded bodies, and the form token and receipt
// read back out of the server-rendered pages.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "support/http_client.h"

namespace pillarbox::testing {

// The Content-Type of a submitted form.
inline constexpr char kFormType[] = "application/x-www-form-urlencoded";

// `text` URL-encoded as a browser encodes form values (space as '+').
std::string FormEncode(const std::string& text);

// The form body for the JSON answers of BuildReport (arrays as repeated
// keys), led by `form_token=<token>`.
std::string FormBody(const nlohmann::json& answers, const std::string& token);

// The single-use form token in a rendered page, or "" when it has none.
std::string TokenIn(const std::string& html);

// The receipt shown on the page answering a submitted form; adds a test
// failure and returns "" when the page shows none.
std::string ReceiptIn(const HttpResponse& response);

}  // namespace pillarbox::testing
