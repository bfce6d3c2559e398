#include "report_form.h"

#include <regex>

namespace pillarbox::testing {

std::string FormEncode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.') {
      encoded.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      encoded.push_back('+');
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return encoded;
}

std::string FormBody(const nlohmann::json& answers, const std::string& token) {
  std::string body = "form_token=" + token;
  for (const auto& [name, value] : answers.items()) {
    if (value.is_array()) {
      for (const auto& item : value) body += "&" + name + "=" + FormEncode(item.get<std::string>());
    } else {
      body += "&" + name + "=" + FormEncode(value.get<std::string>());
    }
  }
  return body;
}

std::string TokenIn(const std::string& html) {
  std::smatch match;
  static const std::regex kToken(R"re(name="form_token" value="([0-9a-f]{32})")re");
  return std::regex_search(html, match, kToken) ? match[1].str() : "";
}

std::string ReceiptInPage(const std::string& html) {
  static const std::regex kReceipt(
      R"(<code id="receipt-text">(([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4})</code>)");
  std::smatch match;
  return std::regex_search(html, match, kReceipt) ? match[1].str() : "";
}

}  // namespace pillarbox::testing
