// Audio tag removal with TagLib (1.13), on memory only (a ByteVectorStream):
// ID3v1, ID3v2 and APE tags of MP3; the Vorbis comment, pictures and ID3 tags
// of FLAC; the Vorbis comment (and pictures in it) of Ogg Vorbis and Opus;
// ID3 and RIFF INFO tags of WAV; every item (cover art included) of M4A.
// The audio frames are not touched.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "media/cleaned_bytes.h"
#include "media/media_kind.h"

namespace pillarbox::media {

// Silences TagLib's debug output (nothing about a file reaches stderr).
// Idempotent and thread-safe.
void InitializeAudioLibrary();

// Removes the tags of `content` and returns the rewritten bytes with the
// closed codes of what was found and removed ("audio_tags",
// "embedded_pictures"). `content` is an audio file of `kind` (kMp3, kOgg, kFlac,
// kWav or kM4a; any other kind is InvalidArgument). InvalidArgument (field
// "file", no content in the message) when TagLib cannot parse it as that kind
// (for MP3: no MPEG frame) or cannot rewrite it. Thread-safe: every call works
// on its own stream.
Result<CleanedBytes> StripAudioTags(MediaKind kind, std::span<const uint8_t> content);

}  // namespace pillarbox::media
