// The reporter's no-JavaScript HTML form, for integration tests: encoding a
// report's answers as the browser posts them, and reading the form token and
// the receipt out of the pages.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace pillarbox::testing {

// The Content-Type a browser sends with the form.
inline constexpr char kFormType[] = "application/x-www-form-urlencoded";

// `text` as application/x-www-form-urlencoded (space as '+').
std::string FormEncode(const std::string& text);

// The body of POST /report/{kind} for the JSON `answers` of BuildReport
// (arrays as repeated keys), with the page's form `token`.
std::string FormBody(const nlohmann::json& answers, const std::string& token);

// The form_token a form page carries, or "" when it has none.
std::string TokenIn(const std::string& html);

// The receipt the "report received" page shows, or "" when it shows none.
std::string ReceiptInPage(const std::string& html);

}  // namespace pillarbox::testing
