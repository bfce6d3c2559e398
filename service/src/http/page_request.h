// Reading what a browser sends to the reporter pages: the language it asks
// for and an HTML form body. Thread-safe (no state).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/status.h"
#include "http/form_body.h"
#include "http/multipart_form.h"
#include "http/route_context.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// The hidden field that carries the form token on every reporter form.
inline constexpr char kFormTokenField[] = "form_token";

// The language of the page to answer with, from Accept-Language
// (context.reporter_pages must be set).
std::string PageLanguage(const RouteContext& context, const Pistache::Rest::Request& request);

// The decoded application/x-www-form-urlencoded body of `request`.
// UnsupportedMedia for another Content-Type, PayloadTooLarge over
// `max_bytes`, InvalidArgument for a malformed body (form_body.h).
Result<FormFields> ReadFormBody(const Pistache::Rest::Request& request, size_t max_bytes);

// The parts of the multipart/form-data body of `request` (multipart_form.h),
// as views into the request's body. UnsupportedMedia for another
// Content-Type, InvalidArgument for a malformed or truncated body.
Result<std::vector<FormPart>> ReadMultipartForm(const Pistache::Rest::Request& request);

}  // namespace pillarbox::http
