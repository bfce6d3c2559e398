// WAV structure filter: walks a RIFF/WAVE file's chunks and keeps only the
// ones that carry sound ("fmt ", "fact", "data"). Runs after TagLib, which
// removes ID3 and RIFF INFO tags but leaves other metadata chunks: "bext"
// (Broadcast WAV originator, date, description), "iXML", "_PMX" (XMP),
// "LIST"/"adtl" labels. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "media/cleaned_bytes.h"

namespace pillarbox::media {

// The kept bytes (with the RIFF size rewritten) and the closed codes of what
// was dropped: "xmp" (_PMX), "audio_tags" (any other non-sound chunk),
// "trailing_data" (bytes after the RIFF chunk).
// Keeps "fmt ", "fact" and "data" byte for byte, in order. A "data" chunk
// whose size runs past the end (an interrupted recording) is kept up to the
// end with its size corrected. InvalidArgument (field "file") when the bytes
// are not RIFF/WAVE, another chunk runs past the end, or "fmt " or "data" is
// missing.
Result<CleanedBytes> FilterWaveChunks(std::span<const uint8_t> content);

}  // namespace pillarbox::media
