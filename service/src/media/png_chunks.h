// PNG structure filter: walks a PNG's chunks, checks that it is a complete PNG
// (signature, IHDR first, lengths inside the file, IEND) and keeps only the
// chunks that describe the picture. Runs after exiv2, which leaves text chunks
// it does not know (e.g. tEXt "Author", iTXt "Comment"), eXIf and tIME.
// Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "media/cleaned_bytes.h"

namespace pillarbox::media {

// The kept bytes and the closed codes of what was dropped: "exif" (eXIf),
// "xmp" (iTXt XML:com.adobe.xmp), "comment" (other tEXt, zTXt, iTXt),
// "other_metadata" (tIME and any ancillary chunk not kept), "trailing_data"
// (bytes after IEND).
// Keeps the critical chunks (IHDR, PLTE, IDAT, IEND), the colour and
// transparency chunks (tRNS, gAMA, cHRM, sRGB, iCCP, sBIT, bKGD, pHYs), the
// animation chunks (acTL, fcTL, fdAT) byte for byte; drops every other chunk
// and anything after IEND. InvalidArgument (field "file") when the bytes are
// not a complete PNG or hold an unknown critical chunk.
Result<CleanedBytes> FilterPngChunks(std::span<const uint8_t> content);

}  // namespace pillarbox::media
