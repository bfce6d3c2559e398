// Desk key rotation routes (admins who are members of the desk):
// POST /api/v1/desks/{id}/key-rotation {"new_version": true} rotates the desk
// key then starts (or resumes) the re-seal job; {} only resumes it (e.g. after
// a restart). 202 with the progress. GET /api/v1/desks/{id}/key-rotation
// answers the progress: {"desk", "current_version", "records_on_old_versions",
// "unreadable_records", "running", "old_versions": [{"key_version",
// "records", "sealed_copies", "retired"}]}. Other roles get 403; a desk
// the admin holds no key of is 404 like a missing one; a rotation asked while
// the desk's job runs is 409. Registered only when
// RouteContext::desk_key_rotation is set.
#pragma once

#include "http/route_context.h"

namespace Pistache::Rest {
class Router;
}

namespace pillarbox::http {

// Adds the routes to `router`. `context` must outlive the router.
void RegisterDeskKeyRotationRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
