#include "http/query_parameter.h"

#include <pistache/router.h>

#include <charconv>

#include "http/form_body.h"

namespace pillarbox::http {

std::optional<std::string> QueryParameter(const Pistache::Rest::Request& request, std::string_view name) {
  std::optional<std::string> raw = request.query().get(std::string(name));
  if (!raw.has_value()) return raw;
  Result<std::string> decoded = DecodeFormComponent(*raw);
  if (!decoded.ok()) return raw;
  return std::move(*decoded);
}

Result<int64_t> QueryWholeNumber(const Pistache::Rest::Request& request, std::string_view name, int64_t fallback) {
  const std::optional<std::string> text = QueryParameter(request, name);
  if (!text.has_value()) return fallback;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size()) {
    return Status::InvalidArgument("must be a whole number", std::string(name));
  }
  return value;
}

}  // namespace pillarbox::http
