// MediaKind: the closed set of evidence file kinds Pillarbox accepts, with the
// media type and download extension of each. Pure data; thread-safe.
#pragma once

#include <string_view>

namespace pillarbox::media {

enum class MediaKind {
  kJpeg,
  kPng,
  kWebp,
  kGif,
  kPdf,
  kMp3,
  kOgg,   // Ogg Vorbis or Ogg Opus
  kFlac,
  kWav,
  kM4a,
  kText,  // UTF-8 plain text
};

// The media type stored and served for `kind`, e.g. "image/jpeg".
std::string_view MediaTypeOf(MediaKind kind);

// The extension of the generated download name for `kind`, without the dot,
// e.g. "jpg".
std::string_view ExtensionOf(MediaKind kind);

// The message of every refusal of a file's type: names the allowed kinds and
// nothing about the file itself.
inline constexpr char kAllowedKindsMessage[] =
    "the file must be an image (JPEG, PNG, WebP, GIF), a PDF, audio (MP3, Ogg Vorbis/Opus, FLAC, WAV, M4A) "
    "or plain UTF-8 text";

}  // namespace pillarbox::media
