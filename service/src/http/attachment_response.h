// Sending a file as a download: the bytes as they are, with the media type
// given, "Content-Disposition: attachment" and a file name the caller chose
// (never one a user supplied), the security headers and a sandboxing CSP, so
// a browser neither renders nor runs what it receives.
#pragma once

#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace Pistache::Http {
class ResponseWriter;
}

namespace pillarbox::http {

// Content-Security-Policy of downloads: nothing may load or run, and the
// document is sandboxed should a browser render it anyway.
inline constexpr char kDownloadContentSecurityPolicy[] =
    "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// `media_type` when it is a plain "type/subtype" of [a-z0-9.+-] characters,
// with "; charset=utf-8" added for text/plain; "application/octet-stream" otherwise.
std::string SafeMediaType(std::string_view media_type);

// "<stem>.<extension>", or "<stem>.bin" when `extension` is not 1-8 of [a-z0-9].
std::string SafeFileName(std::string_view stem, std::string_view extension);

// Sends 200 with `content`. `file_name` must come from SafeFileName.
void SendAttachment(Pistache::Http::ResponseWriter& response, std::string_view media_type,
                    const std::string& file_name, privacy::ByteView content);

}  // namespace pillarbox::http
