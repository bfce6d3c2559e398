// Bearer-token authentication of API requests ("Authorization: Bearer <token>").
#pragma once

#include <memory>

#include "accounts/session_store.h"
#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// The session the request's bearer token names. Unauthenticated when the
// header is missing or malformed, or the session is unknown or expired.
Result<std::shared_ptr<const accounts::Session>> AuthenticateRequest(const Pistache::Rest::Request& request,
                                                                    accounts::SessionStore& sessions);

// The raw token of the request's Authorization header ("" when absent).
std::string BearerToken(const Pistache::Rest::Request& request);

}  // namespace pillarbox::http
