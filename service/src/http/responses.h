// Helpers that send a complete response with the security headers.
// Each consumes the ResponseWriter's single send. Thread-safe as Pistache's
// send is: callable from any thread once the writer has been moved there.
#pragma once

#include <string>

#include "common/status.h"

namespace Pistache::Http {
class ResponseWriter;
}

namespace pillarbox::http {

// Sends `body` as application/json with HTTP code `code`.
void SendJson(Pistache::Http::ResponseWriter& response, int code, const std::string& body);

// Sends the error body of `status` with its HTTP code; adds Retry-After:
// `retry_after_seconds` (at least 1) when the service is saturated
// (ResourceExhausted) or shutting down (Unavailable).
void SendError(Pistache::Http::ResponseWriter& response, const Status& status, int retry_after_seconds = 1);

}  // namespace pillarbox::http
