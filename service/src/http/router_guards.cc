#include "http/router_guards.h"

#include <spdlog/spdlog.h>

#include "http/responses.h"

namespace pillarbox::http {

Pistache::Rest::Route::Handler Guard(GuardedHandler handler) {
  return [handler = std::move(handler)](const Pistache::Rest::Request& request,
                                        Pistache::Http::ResponseWriter response) {
    try {
      handler(request, response);
    } catch (const std::exception&) {
      spdlog::error("handler threw; answered 500");
      try {
        SendError(response, Status::Internal("handler failed"));
      } catch (...) {  // The response had already been sent or moved.
      }
    }
    return Pistache::Rest::Route::Result::Ok;
  };
}

void InstallRouterGuards(Pistache::Rest::Router& router, std::set<Pistache::Http::Method> methods) {
  router.addMiddleware([methods = std::move(methods)](Pistache::Http::Request& request,
                                                      Pistache::Http::ResponseWriter& response) {
    if (methods.count(request.method()) != 0) return true;
    SendJson(response, 405, R"({"error":{"code":"method_not_allowed","message":"method not allowed"}})");
    return false;
  });
  router.addNotFoundHandler([](const Pistache::Rest::Request&, Pistache::Http::ResponseWriter response) {
    SendError(response, Status::NotFound("no such resource"));
    return Pistache::Rest::Route::Result::Ok;
  });
}

}  // namespace pillarbox::http
