#include "http/html_response.h"

#include <pistache/http.h>
#include <pistache/mime.h>

#include "http/security_headers.h"

namespace pillarbox::http {
namespace {

Pistache::Http::Mime::MediaType Utf8(Pistache::Http::Mime::Type top, Pistache::Http::Mime::Subtype sub) {
  Pistache::Http::Mime::MediaType type(top, sub);
  type.setParam("charset", "utf-8");
  return type;
}

}  // namespace

void SendHtml(Pistache::Http::ResponseWriter& response, int code, const std::string& html) {
  AddSecurityHeaders(response, kPageContentSecurityPolicy);
  response.send(static_cast<Pistache::Http::Code>(code), html,
                Utf8(Pistache::Http::Mime::Type::Text, Pistache::Http::Mime::Subtype::Html));
}

void SendBusyHtml(Pistache::Http::ResponseWriter& response, const std::string& html, int retry_after_seconds) {
  AddRetryAfter(response, retry_after_seconds);
  SendHtml(response, 503, html);
}

void SendSeeOther(Pistache::Http::ResponseWriter& response, const std::string& location) {
  AddSecurityHeaders(response, kPageContentSecurityPolicy);
  response.headers().add<Pistache::Http::Header::Location>(location);
  response.send(Pistache::Http::Code::See_Other, "");
}

void SendCss(Pistache::Http::ResponseWriter& response, const std::string& css) {
  AddSecurityHeaders(response, kPageContentSecurityPolicy);
  response.send(Pistache::Http::Code::Ok, css,
                Utf8(Pistache::Http::Mime::Type::Text, Pistache::Http::Mime::Subtype::Css));
}

}  // namespace pillarbox::http
