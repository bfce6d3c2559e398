// Fuzz target: multipart/form-data parsing (http/multipart_form.h), the
// reporter's plain upload form. The input's first line (up to '\n') is the
// Content-Type header value, the rest the body. Properties checked:
// - a rejection is UnsupportedMedia, or InvalidArgument naming
//   "Content-Type" or "body";
// - an accepted form has at most max_parts parts, each with a non-empty
//   name, a lowercase content type and content that is a view inside the
//   body not containing the next delimiter;
// - the parts, written out again canonically with the same boundary, parse
//   to the same parts (names, file names, types and contents).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/multipart_form.h"

namespace {

using namespace pillarbox;

void Require(bool condition) {
  if (!condition) std::abort();
}

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

bool HasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string_view content_type = input.substr(0, newline);
  const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  const http::MultipartLimits limits{.max_parts = 4, .max_part_header_bytes = 256};

  const auto parts = http::ParseMultipartForm(content_type, body, limits);
  if (!parts.ok()) {
    const Status& status = parts.status();
    Require(status.code() == StatusCode::kUnsupportedMedia ||
            (status.code() == StatusCode::kInvalidArgument &&
             (status.field() == "Content-Type" || status.field() == "body")));
    return 0;
  }
  const auto boundary = http::MultipartBoundary(content_type);
  Require(boundary.ok());
  const std::string delimiter = "\r\n--" + *boundary;
  Require(parts->size() <= limits.max_parts);
  std::string rewritten;
  bool canonical = true;
  for (const auto& part : *parts) {
    Require(!part.name.empty());
    Require(std::none_of(part.content_type.begin(), part.content_type.end(),
                         [](unsigned char c) { return std::isupper(c) != 0; }));
    Require(part.content.data() >= body.data() &&
            part.content.data() + part.content.size() <= body.data() + body.size());
    Require(part.content.find(delimiter) == std::string_view::npos);
    canonical = canonical && !HasLineBreak(part.name) && !HasLineBreak(part.content_type) &&
                !(part.filename && HasLineBreak(*part.filename));
    rewritten += "--" + *boundary + "\r\nContent-Disposition: form-data; name=" + Quoted(part.name);
    if (part.filename) rewritten += "; filename=" + Quoted(*part.filename);
    rewritten += "\r\n";
    if (!part.content_type.empty()) rewritten += "Content-Type: " + part.content_type + "\r\n";
    rewritten += "\r\n";
    rewritten += part.content;
    rewritten += "\r\n";
  }
  rewritten += "--" + *boundary + "--\r\n";
  if (!canonical) return 0;
  const auto again = http::ParseMultipartForm(content_type, rewritten, {.max_parts = limits.max_parts,
                                                                        .max_part_header_bytes = 4096});
  Require(again.ok() && again->size() == parts->size());
  for (size_t i = 0; i < parts->size(); ++i) {
    const auto& a = (*parts)[i];
    const auto& b = (*again)[i];
    Require(a.name == b.name && a.filename == b.filename && a.content_type == b.content_type && a.content == b.content);
  }
  return 0;
}
