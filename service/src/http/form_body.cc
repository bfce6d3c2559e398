#include "http/form_body.h"

#include "intake/utf8.h"

namespace pillarbox::http {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> DecodeFormComponent(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      decoded.push_back(' ');
    } else if (c != '%') {
      decoded.push_back(c);
    } else {
      if (i + 2 >= text.size()) return Status::InvalidArgument("bad %-escape", "body");
      const int hi = HexDigit(text[i + 1]);
      const int lo = HexDigit(text[i + 2]);
      if (hi < 0 || lo < 0) return Status::InvalidArgument("bad %-escape", "body");
      decoded.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    }
  }
  if (!intake::IsValidUtf8(decoded)) return Status::InvalidArgument("is not valid UTF-8", "body");
  return decoded;
}

Result<FormFields> DecodeFormBody(std::string_view body) {
  FormFields fields;
  size_t pairs = 0;
  while (!body.empty()) {
    const size_t amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    if (++pairs > kMaxFormPairs) return Status::InvalidArgument("too many fields", "body");
    const size_t equals = pair.find('=');
    PB_ASSIGN_OR_RETURN(std::string key, DecodeFormComponent(pair.substr(0, equals)));
    if (key.empty()) return Status::InvalidArgument("empty field name", "body");
    std::string value;
    if (equals != std::string_view::npos) {
      PB_ASSIGN_OR_RETURN(value, DecodeFormComponent(pair.substr(equals + 1)));
    }
    fields[key].push_back(std::move(value));
  }
  return fields;
}

Result<std::string> SingleValue(const FormFields& fields, const std::string& key) {
  const auto found = fields.find(key);
  if (found == fields.end()) return std::string();
  if (found->second.size() != 1) return Status::InvalidArgument("was sent more than once", key);
  return found->second.front();
}

}  // namespace pillarbox::http
