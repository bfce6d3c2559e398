// EvidenceCleaner: decides what a reporter's file really is, from its content
// (never its name), and removes the metadata a well-kept library can remove
// (EXIF with GPS position and camera serial, XMP, IPTC, comments, audio tags
// and embedded pictures) before the file is encrypted. Implemented by
// media/library_evidence_cleaner.h (libmagic, exiv2, TagLib); tests may use
// fakes. Works on memory only: no temporary file is ever written.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pillarbox::intake {

// Every code CleanedEvidence::removed may hold, and every code of
// CleanedEvidence::warnings. The reporter pages' catalog has a text for each
// ("evidence.removed.<code>", "evidence.warning.<code>").
inline constexpr std::array<std::string_view, 9> kRemovalCodes = {
    "exif", "gps", "xmp", "iptc", "comment", "audio_tags", "embedded_pictures", "other_metadata", "trailing_data"};
inline constexpr std::array<std::string_view, 1> kWarningCodes = {"pdf_metadata_kept"};

// A file after cleaning, ready to seal.
struct CleanedEvidence {
  std::string media_type;  // from the allow-list, e.g. "image/jpeg", "audio/mpeg", "text/plain"
  std::string extension;   // for the generated download name, e.g. "jpg"
  std::vector<uint8_t> content;  // the bytes to store (metadata removed where possible)
  // What was removed, as closed codes the reporter pages translate: "exif",
  // "gps", "xmp", "iptc", "comment", "audio_tags", "embedded_pictures",
  // "other_metadata" (vendor segments/chunks), "trailing_data" (bytes hidden
  // after the end of the image or sound). Each code at most once.
  std::vector<std::string> removed;
  // Closed codes for what could not be removed ("pdf_metadata_kept"): the
  // reporter is warned before relying on the file.
  std::vector<std::string> warnings;
};

class EvidenceCleaner {
 public:
  virtual ~EvidenceCleaner() = default;

  // Sniffs `content` and cleans it. InvalidArgument with field "file" and a
  // message naming the allowed kinds when the content is empty, not of an
  // allowed type (images: JPEG, PNG, WebP, GIF; PDF; audio: MP3, Ogg/Opus,
  // FLAC, WAV, M4A; plain UTF-8 text), or cannot be parsed as the type it
  // claims to be. Never echoes content. Thread-safe.
  virtual Result<CleanedEvidence> Clean(std::span<const uint8_t> content) const = 0;
};

}  // namespace pillarbox::intake
