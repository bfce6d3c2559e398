// JPEG structure filter: walks a JPEG's marker segments, checks that it is a
// complete JPEG (SOI, segments, at least one scan, EOI) and keeps only what
// the picture needs. Runs after exiv2 as a second net for what exiv2 leaves:
// vendor APPn segments (maker data, MPF pointers to hidden previews),
// comments, and anything after EOI (appended files, a second image with its
// own EXIF). Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "media/cleaned_bytes.h"

namespace pillarbox::media {

// The kept bytes and the closed codes of what was dropped: "exif" (an APP1
// Exif segment), "xmp" (an APP1 XMP segment), "iptc" (APP13), "comment"
// (COM), "other_metadata" (any other APPn), "trailing_data" (bytes after EOI).
// Keeps SOI, every non-APPn/COM segment, APP0 (JFIF/JFXX), APP2 ICC_PROFILE,
// APP14 Adobe, and every byte from the first SOS through EOI except APPn and
// COM segments between progressive scans; the entropy-coded data is copied
// byte for byte. InvalidArgument (field "file") when the bytes are not a
// complete JPEG (no SOI, a segment running past the end, no scan, no EOI).
Result<CleanedBytes> FilterJpegSegments(std::span<const uint8_t> content);

}  // namespace pillarbox::media
