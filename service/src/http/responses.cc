#include "http/responses.h"

#include <pistache/http.h>
#include <pistache/mime.h>

#include "http/security_headers.h"
#include "http/status_mapping.h"

namespace pillarbox::http {

void SendJson(Pistache::Http::ResponseWriter& response, int code, const std::string& body) {
  AddSecurityHeaders(response);
  response.send(static_cast<Pistache::Http::Code>(code), body, MIME(Application, Json));
}

void SendError(Pistache::Http::ResponseWriter& response, const Status& status, int retry_after_seconds) {
  if (status.code() == StatusCode::kResourceExhausted || status.code() == StatusCode::kUnavailable) {
    AddRetryAfter(response, retry_after_seconds < 1 ? 1 : retry_after_seconds);
  }
  SendJson(response, HttpCodeFor(status), ErrorBody(status));
}

}  // namespace pillarbox::http
