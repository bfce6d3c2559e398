// Image metadata removal with exiv2 (0.27), on memory only: EXIF (with the
// GPS position and camera serial), XMP, IPTC and comments are removed; an ICC
// colour profile is kept (it describes colours, and dropping it changes how
// the picture looks). The format-specific structure filters (jpeg_segments.h,
// png_chunks.h) run after this as a second net.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "media/cleaned_bytes.h"

namespace pillarbox::media {

// Sets up exiv2's global state: mutes its log (nothing about a file reaches
// stderr) and initializes its XMP toolkit with a lock. Idempotent and
// thread-safe; call before the first StripImageMetadata (the library cleaner
// does).
void InitializeImageLibrary();

// Removes EXIF, XMP, IPTC and the comment from a JPEG, PNG or WebP held in
// `content` and returns the rewritten bytes with the closed codes of what was
// found and removed ("exif", "gps", "xmp", "iptc", "comment"). InvalidArgument (field "file",
// no content in the message) when exiv2 cannot parse or rewrite it, or
// parses it as another type than `expected_media_type` (e.g. "image/png").
// Thread-safe once InitializeImageLibrary() has run.
Result<CleanedBytes> StripImageMetadata(std::span<const uint8_t> content, std::string_view expected_media_type);

}  // namespace pillarbox::media
