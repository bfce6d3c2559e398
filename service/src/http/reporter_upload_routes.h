// The reporter's side of evidence files: chunked uploads into
// reporter::UploadStaging and the reporter's own file list (see
// http/evidence_routes.h for the paths). A chunk is appended on the I/O
// thread (a copy of at most 1 MiB into memory); finishing cleans, seals and
// commits on the workers. Errors name "size", "chunk", "chunks", "file" or
// "name"; nothing is stored on any refusal.
#pragma once

#include <pistache/router.h>

#include "http/route_context.h"

namespace pillarbox::http {

// Adds the reporter upload routes; needs context.evidence, context.uploads
// and context.reporter_sessions. `context` must outlive `router`.
void RegisterReporterUploadRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
