// GET /metrics: Metrics::Global() in the Prometheus text format (0.0.4),
// text/plain; version=0.0.4. Unauthenticated like /healthz: the service
// listens on loopback and the shipped nginx configuration never forwards
// /metrics, so only the host (a local Prometheus or node exporter) reads it.
// Its labels are route templates and status codes only (common/metrics.h).
#pragma once

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the route to `router`.
void RegisterMetricsRoutes(Pistache::Rest::Router& router);

}  // namespace pillarbox::http
