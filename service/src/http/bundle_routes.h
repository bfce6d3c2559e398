// Routes of evidence bundles (docs/ARCHITECTURE.md "Evidence bundles", schema/openapi.yaml):
//   POST   /api/v1/organizations                        admin: register {name, public_key}
//   GET    /api/v1/organizations                        admin: list
//   POST   /api/v1/reports/:id/redactions               reviewer of the desk: {field, reason, span?}
//   GET    /api/v1/reports/:id/redactions               reviewer of the desk
//   DELETE /api/v1/reports/:id/redactions/:redaction_id reviewer of the desk
//   POST   /api/v1/cases/:id/bundles                    reviewer of the desk: {organization_id, evidence_file_ids}
//   GET    /api/v1/bundles                              partner: their organization's; reviewer: their desks'
//   GET    /api/v1/bundles/:id/download                 partner of the bundle's organization only
// Registered only when context.organizations, redactions and bundles are set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Largest accepted JSON body of a redaction, organization or share request.
inline constexpr size_t kMaxBundleRequestBody = 16 * 1024;

// Adds the routes to `router`. `context` must outlive the router.
void RegisterBundleRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
