// Submission decoding with a depth cap (declared in http/submission_codec.h).
#include "http/submission_codec.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace pillarbox::http {
namespace {

using nlohmann::json;

constexpr size_t kMaxEchoedKeyLength = 64;

// Counts bracket nesting outside strings in one pass, so the recursive parser
// never sees a document deep enough to exhaust the stack.
bool NestingWithinLimit(std::string_view body) {
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : body) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

std::string EchoableKey(const std::string& key) {
  const bool plain = !key.empty() && key.size() <= kMaxEchoedKeyLength &&
                     std::all_of(key.begin(), key.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  return plain ? key : std::string();
}

// Every value but null; null is handled by the caller as absence.
intake::AnswerValue DecodeAnswer(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::vector<std::string> values;
    values.reserve(value.size());
    for (const json& element : value) {
      if (!element.is_string()) return intake::OtherType{"array of non-strings"};
      values.push_back(element.get<std::string>());
    }
    return values;
  }
  if (value.is_number()) return intake::OtherType{"number"};
  if (value.is_boolean()) return intake::OtherType{"boolean"};
  return intake::OtherType{"object"};
}

Status CheckTopLevelKeys(const json& document) {
  for (const auto& [key, value] : document.items()) {
    if (key != "kind" && key != "answers") {
      return Status::InvalidArgument("is not a known key", EchoableKey(key));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<intake::Submission> DecodeSubmission(std::string_view body) {
  if (!NestingWithinLimit(body)) return Status::InvalidArgument("JSON nesting is too deep");
  const json document = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Status::InvalidArgument("body is not valid JSON");
  if (!document.is_object()) return Status::InvalidArgument("body must be a JSON object");
  PB_RETURN_IF_ERROR(CheckTopLevelKeys(document));
  const auto kind = document.find("kind");
  if (kind == document.end() || !kind->is_string()) return Status::InvalidArgument("must be a string", "kind");
  const auto answers = document.find("answers");
  if (answers == document.end() || !answers->is_object()) {
    return Status::InvalidArgument("must be an object", "answers");
  }
  intake::Submission submission;
  submission.kind = kind->get<std::string>();
  for (const auto& [name, value] : answers->items()) {
    if (!value.is_null()) submission.answers.emplace(name, DecodeAnswer(value));
  }
  return submission;
}

}  // namespace pillarbox::http
