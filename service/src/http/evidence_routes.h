// Evidence file routes (docs/ARCHITECTURE.md "Evidence files"; schema/openapi.yaml).
//
// Reviewers (bearer session of a desk member):
//   GET /api/v1/reports/{id}/files            -> {"files":[...]} (metadata)
//   GET /api/v1/reports/{id}/files/{file_id}  -> the decrypted bytes as an
//       attachment named "evidence-<8 hex of the id>.<ext>", never the
//       reporter's name, with a sandboxing CSP.
// Reporters (receipt session, http/reporter_auth.h):
//   POST /api/v1/reporter/uploads {"size"}                       -> 201 {"upload_id","chunk_bytes","max_bytes"}
//   PUT  /api/v1/reporter/uploads/{upload_id}/chunks/{index}     raw bytes -> 204
//   POST /api/v1/reporter/uploads/{upload_id}/finish {"name"}    -> 201 {"file":{...}}
//   GET  /api/v1/reporter/files                                  -> {"files":[...]}
// Registered only when the services they need are set in the context.
#pragma once

#include <pistache/router.h>

#include "http/route_context.h"

namespace pillarbox::http {

// Adds the routes above to `router`; `context` must outlive it.
void RegisterEvidenceRoutes(Pistache::Rest::Router& router, const RouteContext& context);

}  // namespace pillarbox::http
