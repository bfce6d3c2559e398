// Fuzz target: application/x-www-form-urlencoded bodies of the reporter
// pages and the query-string decoding built on the same percent decoder
// (http/form_body.h). Properties checked:
// - DecodeFormBody either fails with InvalidArgument naming "body" or gives
//   fields with non-empty valid UTF-8 keys and values, at most kMaxFormPairs
//   values in all;
// - decoding is the inverse of encoding: the decoded fields, percent-encoded
//   again, decode to the same fields; DecodeFormComponent likewise on the
//   whole input;
// - SingleValue is "" for an absent key, the value for a single one and
//   InvalidArgument naming the key for a repeated one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/form_body.h"
#include "intake/utf8.h"

namespace {

using namespace pillarbox;

void Require(bool condition) {
  if (!condition) std::abort();
}

// Percent-encodes every byte that is not unreserved; a space becomes "+".
std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const auto component = http::DecodeFormComponent(input);
  if (component.ok()) {
    Require(intake::IsValidUtf8(*component));
    const auto again = http::DecodeFormComponent(Encode(*component));
    Require(again.ok() && *again == *component);
  } else {
    Require(component.status().code() == StatusCode::kInvalidArgument && component.status().field() == "body");
  }

  const auto fields = http::DecodeFormBody(input);
  if (!fields.ok()) {
    Require(fields.status().code() == StatusCode::kInvalidArgument && fields.status().field() == "body");
    return 0;
  }
  size_t values = 0;
  std::string encoded;
  for (const auto& [key, list] : *fields) {
    Require(!key.empty() && intake::IsValidUtf8(key) && !list.empty());
    for (const auto& value : list) {
      Require(intake::IsValidUtf8(value));
      if (!encoded.empty()) encoded.push_back('&');
      encoded += Encode(key) + "=" + Encode(value);
    }
    values += list.size();
    const auto single = http::SingleValue(*fields, key);
    if (list.size() == 1) {
      Require(single.ok() && *single == list.front());
    } else {
      Require(!single.ok() && single.status().field() == key);
    }
  }
  Require(values <= http::kMaxFormPairs);
  const auto again = http::DecodeFormBody(encoded);
  Require(again.ok() && *again == *fields);
  const std::string missing("\x01" "absent");
  if (fields->count(missing) == 0) {
    const auto absent = http::SingleValue(*fields, missing);
    Require(absent.ok() && absent->empty());
  }
  return 0;
}
