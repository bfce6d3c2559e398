#include "media/media_kind.h"

namespace pillarbox::media {

std::string_view MediaTypeOf(MediaKind kind) {
  switch (kind) {
    case MediaKind::kJpeg: return "image/jpeg";
    case MediaKind::kPng: return "image/png";
    case MediaKind::kWebp: return "image/webp";
    case MediaKind::kGif: return "image/gif";
    case MediaKind::kPdf: return "application/pdf";
    case MediaKind::kMp3: return "audio/mpeg";
    case MediaKind::kOgg: return "audio/ogg";
    case MediaKind::kFlac: return "audio/flac";
    case MediaKind::kWav: return "audio/x-wav";
    case MediaKind::kM4a: return "audio/mp4";
    case MediaKind::kText: return "text/plain";
  }
  return "application/octet-stream";
}

std::string_view ExtensionOf(MediaKind kind) {
  switch (kind) {
    case MediaKind::kJpeg: return "jpg";
    case MediaKind::kPng: return "png";
    case MediaKind::kWebp: return "webp";
    case MediaKind::kGif: return "gif";
    case MediaKind::kPdf: return "pdf";
    case MediaKind::kMp3: return "mp3";
    case MediaKind::kOgg: return "ogg";
    case MediaKind::kFlac: return "flac";
    case MediaKind::kWav: return "wav";
    case MediaKind::kM4a: return "m4a";
    case MediaKind::kText: return "txt";
  }
  return "bin";
}

}  // namespace pillarbox::media
