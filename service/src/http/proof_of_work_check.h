// The X-Pillarbox-Pow request header: how API clients prove work before
// POST /api/v1/reports and POST /api/v1/reporter/session (intake/proof_of_work.h).
#pragma once

#include "common/status.h"
#include "http/route_context.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// Name of the header, also the `field` of its errors.
inline constexpr char kProofOfWorkHeader[] = "X-Pillarbox-Pow";

// OK when proof-of-work is off (context.proof_of_work is null) or when the
// request's X-Pillarbox-Pow header is "<challenge>:<nonce>" solving a fresh
// challenge from GET /api/v1/pow, which is then spent. Otherwise
// InvalidArgument with field "X-Pillarbox-Pow" (missing, malformed, not
// issued here, expired, not enough zero bits, already used), or
// ResourceExhausted when too many spent challenges are remembered. Call it
// before anything is stored. Thread-safe.
Status CheckProofOfWork(const Pistache::Rest::Request& request, const RouteContext& context);

}  // namespace pillarbox::http
