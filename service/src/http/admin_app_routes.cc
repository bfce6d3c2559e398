#include "http/admin_app_routes.h"

#include <pistache/http.h>
#include <pistache/mime.h>
#include <pistache/router.h>

#include <chrono>
#include <string>
#include <string_view>

#include "common/embedded_file.h"
#include "common/logging.h"
#include "http/router_guards.h"
#include "http/security_headers.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Http::Mime::MediaType;
using Pistache::Http::Mime::Subtype;
using Pistache::Http::Mime::Type;
using Pistache::Rest::Request;

// The embedded asset named `name` ("index.html", "app.js", "app.css").
std::string_view Asset(std::string_view name) {
  static const std::vector<EmbeddedFile> assets = EmbeddedAdminAppAssets();
  for (const EmbeddedFile& file : assets) {
    if (file.name == name) return file.content;
  }
  return {};
}

MediaType Utf8(Type top, Subtype sub) {
  MediaType type(top, sub);
  type.setParam("charset", "utf-8");
  return type;
}

void Serve(Pistache::Rest::Router& router, const char* path, const char* asset, MediaType type) {
  const std::string route = std::string("GET ") + path;
  Pistache::Rest::Routes::Get(router, path,
                              Guard([route, asset, type](const Request&, ResponseWriter& response) {
                                const auto started = std::chrono::steady_clock::now();
                                AddSecurityHeaders(response, kAdminAppContentSecurityPolicy);
                                response.send(Pistache::Http::Code::Ok, std::string(Asset(asset)), type);
                                LogRequest(route, 200, started);
                              }));
}

}  // namespace

void RegisterAdminAppRoutes(Pistache::Rest::Router& router) {
  Serve(router, "/admin", "index.html", Utf8(Type::Text, Subtype::Html));
  Serve(router, "/admin/app.js", "app.js", Utf8(Type::Application, Subtype::Javascript));
  Serve(router, "/admin/app.css", "app.css", Utf8(Type::Text, Subtype::Css));
}

}  // namespace pillarbox::http
