#include "http/metrics_routes.h"

#include <pistache/http.h>
#include <pistache/mime.h>
#include <pistache/router.h>

#include "common/metrics.h"
#include "http/router_guards.h"
#include "http/security_headers.h"

namespace pillarbox::http {

void RegisterMetricsRoutes(Pistache::Rest::Router& router) {
  Pistache::Rest::Routes::Get(router, "/metrics",
                              Guard([](const Pistache::Rest::Request&, Pistache::Http::ResponseWriter& response) {
                                Pistache::Http::Mime::MediaType type(Pistache::Http::Mime::Type::Text,
                                                                     Pistache::Http::Mime::Subtype::Plain);
                                type.setParam("version", "0.0.4");
                                AddSecurityHeaders(response);
                                response.send(Pistache::Http::Code::Ok, Metrics::Global().RenderPrometheus(), type);
                              }));
}

}  // namespace pillarbox::http
