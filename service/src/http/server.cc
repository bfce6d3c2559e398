#include "http/server.h"

#include <pistache/endpoint.h>
#include <pistache/router.h>

#include "http/admin_app_routes.h"
#include "http/admin_routes.h"
#include "http/aggregate_routes.h"
#include "http/stats_routes.h"
#include "http/auth_routes.h"
#include "http/metrics_routes.h"
#include "http/bundle_routes.h"
#include "http/case_routes.h"
#include "http/retention_routes.h"
#include "http/catalog_routes.h"
#include "http/desk_routes.h"
#include "http/desk_key_rotation_routes.h"
#include "http/proof_of_work_routes.h"
#include "http/evidence_routes.h"
#include "http/report_label_routes.h"
#include "http/report_note_routes.h"
#include "http/report_routes.h"
#include "http/reporter_routes.h"
#include "http/reporter_page_routes.h"
#include "http/reviewer_report_routes.h"
#include "http/router_guards.h"
#include "http/tag_routes.h"
#include "http/triage_routes.h"

namespace pillarbox::http {

struct HttpServer::Impl {
  ServerOptions options;
  const RouteContext& context;
  Pistache::Rest::Router router;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint;
  bool started = false;
};

HttpServer::HttpServer(ServerOptions options, const RouteContext& context)
    : impl_(new Impl{std::move(options), context, {}, nullptr, false}) {}

HttpServer::~HttpServer() { Shutdown(); }

Status HttpServer::Start() {
  using Pistache::Http::Method;
  InstallRouterGuards(impl_->router, {Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete});
  RegisterCatalogRoutes(impl_->router, impl_->context);
  RegisterReportRoutes(impl_->router, impl_->context);
  RegisterProofOfWorkRoutes(impl_->router, impl_->context);
  RegisterAuthRoutes(impl_->router, impl_->context);
  RegisterTriageRoutes(impl_->router, impl_->context);  // before /api/v1/reports/:id
  RegisterAggregateRoutes(impl_->router, impl_->context);
  RegisterStatsRoutes(impl_->router, impl_->context);
  RegisterEvidenceRoutes(impl_->router, impl_->context);  // before /api/v1/reports/:id
  RegisterBundleRoutes(impl_->router, impl_->context);    // before /api/v1/reports/:id
  RegisterReviewerReportRoutes(impl_->router, impl_->context);
  RegisterAdminRoutes(impl_->router, impl_->context);
  RegisterDeskRoutes(impl_->router, impl_->context);
  RegisterDeskKeyRotationRoutes(impl_->router, impl_->context);
  RegisterTagRoutes(impl_->router, impl_->context);
  RegisterReportLabelRoutes(impl_->router, impl_->context);
  RegisterReportNoteRoutes(impl_->router, impl_->context);
  RegisterCaseRoutes(impl_->router, impl_->context);
  RegisterRetentionRoutes(impl_->router, impl_->context);
  RegisterReporterRoutes(impl_->router, impl_->context);
  RegisterReporterPageRoutes(impl_->router, impl_->context);
  RegisterAdminAppRoutes(impl_->router);
  RegisterMetricsRoutes(impl_->router);  // when reporter_pages is set

  const auto opts = Pistache::Http::Endpoint::options()
                        .threads(impl_->options.threads)
                        .flags(Pistache::Tcp::Options::ReuseAddr)
                        .maxRequestSize(impl_->options.max_request_bytes)
                        .maxResponseSize(impl_->options.max_response_bytes)
                        .headerTimeout(impl_->options.header_timeout)
                        .bodyTimeout(impl_->options.body_timeout)
                        .keepaliveTimeout(impl_->options.keepalive_timeout)
                        .logger(PISTACHE_NULL_STRING_LOGGER);
  try {
    Pistache::Address address(impl_->options.host, Pistache::Port(impl_->options.port));
    impl_->endpoint = std::make_unique<Pistache::Http::Endpoint>(address);
    impl_->endpoint->init(opts);
    impl_->endpoint->setHandler(impl_->router.handler());
    impl_->endpoint->serveThreaded();
  } catch (const std::exception& error) {
    impl_->endpoint.reset();
    return Status::Unavailable("cannot listen on " + impl_->options.host + ":" +
                               std::to_string(impl_->options.port) + ": " + error.what());
  }
  impl_->started = true;
  return Status::Ok();
}

uint16_t HttpServer::port() const {
  return impl_->endpoint ? static_cast<uint16_t>(impl_->endpoint->getPort()) : 0;
}

void HttpServer::Shutdown() {
  if (!impl_->started) return;
  impl_->started = false;
  impl_->endpoint->shutdown();
}

}  // namespace pillarbox::http
