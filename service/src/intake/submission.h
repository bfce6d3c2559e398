// Submission: a report as a client sent it, decoded but not yet validated.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace pillarbox::intake {

// A decoded answer. Decoders map JSON strings to std::string, arrays of strings
// to std::vector<std::string>, and report any other JSON type as
// kOtherType with its type name so the validator can name the field.
struct OtherType {
  std::string type_name;  // "number", "boolean", "object", "array of non-strings"
};
using AnswerValue = std::variant<std::string, std::vector<std::string>, OtherType>;

struct Submission {
  std::string kind;
  // Field name to answer. A JSON null is decoded as absence (no entry).
  std::map<std::string, AnswerValue> answers;
};

}  // namespace pillarbox::intake
