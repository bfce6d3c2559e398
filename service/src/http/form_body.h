// Decoding application/x-www-form-urlencoded bodies (HTML forms): "+" is a
// space, "%XX" a byte, keys may repeat (checkboxes). Decoded keys and values
// must be valid UTF-8. Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pillarbox::http {

// Key -> its values in the order sent.
using FormFields = std::map<std::string, std::vector<std::string>>;

inline constexpr size_t kMaxFormPairs = 512;

// Decodes one key or value: "+" is a space, "%XX" a byte. InvalidArgument
// naming "body" for a malformed escape or invalid UTF-8.
Result<std::string> DecodeFormComponent(std::string_view text);

// Decodes `body`. InvalidArgument naming "body" for a malformed escape
// ("%G1", a "%" at the end), invalid UTF-8, an empty key or more than
// kMaxFormPairs pairs. Empty pairs ("a=1&&b=2") are skipped.
Result<FormFields> DecodeFormBody(std::string_view body);

// The single value of `key`: "" when absent; InvalidArgument naming `key`
// when it was sent more than once.
Result<std::string> SingleValue(const FormFields& fields, const std::string& key);

}  // namespace pillarbox::http
