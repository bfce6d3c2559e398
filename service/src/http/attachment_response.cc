#include "http/attachment_response.h"

#include <pistache/http.h>

#include <algorithm>

#include "http/security_headers.h"
#include "http/value_header.h"

namespace pillarbox::http {
namespace {

constexpr char kContentType[] = "Content-Type";
constexpr char kContentDisposition[] = "Content-Disposition";

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
}

bool IsToken(std::string_view text, size_t max_length) {
  return !text.empty() && text.size() <= max_length && std::all_of(text.begin(), text.end(), IsTokenChar);
}

}  // namespace

std::string SafeMediaType(std::string_view media_type) {
  const size_t slash = media_type.find('/');
  if (slash == std::string_view::npos || !IsToken(media_type.substr(0, slash), 32) ||
      !IsToken(media_type.substr(slash + 1), 64)) {
    return "application/octet-stream";
  }
  std::string type(media_type);
  if (type == "text/plain") type += "; charset=utf-8";
  return type;
}

std::string SafeFileName(std::string_view stem, std::string_view extension) {
  const bool plain = extension.size() <= 8 && IsToken(extension, 8) &&
                     extension.find_first_of(".+-") == std::string_view::npos;
  return std::string(stem) + "." + (plain ? std::string(extension) : std::string("bin"));
}

void SendAttachment(Pistache::Http::ResponseWriter& response, std::string_view media_type,
                    const std::string& file_name, privacy::ByteView content) {
  AddSecurityHeaders(response, kDownloadContentSecurityPolicy);
  response.headers().add<ValueHeader<kContentType>>(SafeMediaType(media_type));
  response.headers().add<ValueHeader<kContentDisposition>>("attachment; filename=\"" + file_name + "\"");
  response.send(Pistache::Http::Code::Ok, reinterpret_cast<const char*>(content.data()), content.size());
}

}  // namespace pillarbox::http
