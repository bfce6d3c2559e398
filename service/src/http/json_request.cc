#include "http/json_request.h"

#include <pistache/router.h>

#include "http/content_type.h"

namespace pillarbox::http {

Status RequireJsonBody(const Pistache::Rest::Request& request, size_t max_bytes) {
  const auto content_type = request.headers().tryGetRaw("Content-Type");
  PB_RETURN_IF_ERROR(RequireMediaType(
      content_type.has_value() ? std::optional<std::string_view>(content_type->value()) : std::nullopt,
      "application/json"));
  if (request.body().size() > max_bytes) {
    return Status::PayloadTooLarge("the body is larger than " + std::to_string(max_bytes) + " bytes");
  }
  return Status::Ok();
}

Result<nlohmann::json> ParseJsonObjectBody(const Pistache::Rest::Request& request, size_t max_bytes) {
  PB_RETURN_IF_ERROR(RequireJsonBody(request, max_bytes));
  nlohmann::json body = nlohmann::json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) return Status::InvalidArgument("body is not a JSON object");
  return body;
}

Status ReadStringMembers(const nlohmann::json& object,
                         std::initializer_list<std::pair<const char*, std::string*>> members) {
  for (const auto& [name, target] : members) {
    const auto value = object.find(name);
    if (value == object.end() || !value->is_string()) return Status::InvalidArgument("must be a string", name);
    *target = value->get<std::string>();
  }
  return Status::Ok();
}

}  // namespace pillarbox::http
