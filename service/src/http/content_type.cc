#include "http/content_type.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace pillarbox::http {
namespace {

std::string LowerTrimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

Status RequireMediaType(std::optional<std::string_view> header, std::string_view expected) {
  const Status refused = Status::UnsupportedMedia("Content-Type must be " + std::string(expected));
  if (!header.has_value()) return refused;
  std::string_view value = *header;
  const size_t semicolon = value.find(';');
  if (LowerTrimmed(value.substr(0, semicolon)) != expected) return refused;
  if (semicolon == std::string_view::npos) return Status::Ok();
  const std::string parameters = LowerTrimmed(value.substr(semicolon + 1));
  if (parameters.empty() || parameters == "charset=utf-8" || parameters == "charset=\"utf-8\"") return Status::Ok();
  return refused;
}

}  // namespace pillarbox::http
