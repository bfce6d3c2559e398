// The one place where a Status becomes an HTTP status and an error body.
// Domain code never names an HTTP code.
#pragma once

#include <string>

#include "common/status.h"

namespace pillarbox::http {

// HTTP status code for `status` (200 for OK).
int HttpCodeFor(const Status& status);

// {"error":{"code":"<name>","field":"<path>","message":"<message>"}}; "field"
// is omitted when empty. Internal and DataLoss errors get a generic message so
// no internal detail reaches a client.
std::string ErrorBody(const Status& status);

}  // namespace pillarbox::http
