// GIF structure filter (exiv2 cannot rewrite GIF): walks the blocks of a
// GIF87a/GIF89a file, checks that it is complete (header, screen descriptor,
// colour tables, image data sub-blocks, trailer) and drops the blocks that
// carry metadata rather than picture. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "media/cleaned_bytes.h"

namespace pillarbox::media {

// The kept bytes and the closed codes of what was dropped: "comment" (comment
// extensions), "xmp" (the "XMP DataXMP" application extension),
// "other_metadata" (any other application extension), "trailing_data" (bytes
// after the trailer).
// Keeps the header, screen descriptor, colour tables, graphic control and
// plain text extensions, the NETSCAPE2.0/ANIMEXTS1.0 looping extension and
// every image byte for byte. InvalidArgument (field "file") when the bytes are
// not a complete GIF.
Result<CleanedBytes> FilterGifBlocks(std::span<const uint8_t> content);

}  // namespace pillarbox::media
