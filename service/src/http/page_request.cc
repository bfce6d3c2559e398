#include "http/page_request.h"

#include <pistache/router.h>

#include "http/content_type.h"
#include "pages/reporter_pages.h"

namespace pillarbox::http {

std::string PageLanguage(const RouteContext& context, const Pistache::Rest::Request& request) {
  const auto header = request.headers().tryGetRaw("Accept-Language");
  return context.reporter_pages->PickLanguage(header.has_value() ? std::string_view(header->value())
                                                                  : std::string_view());
}

Result<FormFields> ReadFormBody(const Pistache::Rest::Request& request, size_t max_bytes) {
  const auto content_type = request.headers().tryGetRaw("Content-Type");
  PB_RETURN_IF_ERROR(RequireMediaType(
      content_type.has_value() ? std::optional<std::string_view>(content_type->value()) : std::nullopt,
      "application/x-www-form-urlencoded"));
  if (request.body().size() > max_bytes) {
    return Status::PayloadTooLarge("the body is larger than " + std::to_string(max_bytes) + " bytes");
  }
  return DecodeFormBody(request.body());
}

Result<std::vector<FormPart>> ReadMultipartForm(const Pistache::Rest::Request& request) {
  const auto content_type = request.headers().tryGetRaw("Content-Type");
  if (!content_type.has_value()) return Status::UnsupportedMedia("expected multipart/form-data");
  return ParseMultipartForm(content_type->value(), request.body());
}

}  // namespace pillarbox::http
