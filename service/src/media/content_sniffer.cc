#include "media/content_sniffer.h"

#include <magic.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "intake/utf8.h"

namespace pillarbox::media {
namespace {

// libmagic looks at most at this many leading bytes (the type lives there).
constexpr size_t kSniffBytes = 1 << 20;

constexpr int kMagicFlags = MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_CDF |
                            MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_JSON | MAGIC_NO_CHECK_CSV | MAGIC_NO_CHECK_TOKENS |
                            MAGIC_NO_CHECK_APPTYPE;

Status NotAllowed() { return Status::InvalidArgument(kAllowedKindsMessage, "file"); }

std::optional<MediaKind> KindOfMimeType(std::string_view mime) {
  struct Entry {
    std::string_view mime;
    MediaKind kind;
  };
  static constexpr Entry kTable[] = {
      {"image/jpeg", MediaKind::kJpeg},       {"image/png", MediaKind::kPng},
      {"image/webp", MediaKind::kWebp},       {"image/gif", MediaKind::kGif},
      {"application/pdf", MediaKind::kPdf},   {"audio/mpeg", MediaKind::kMp3},
      {"audio/ogg", MediaKind::kOgg},         {"audio/x-vorbis+ogg", MediaKind::kOgg},
      {"audio/x-opus+ogg", MediaKind::kOgg},  {"audio/flac", MediaKind::kFlac},
      {"audio/x-flac", MediaKind::kFlac},     {"audio/x-wav", MediaKind::kWav},
      {"audio/wav", MediaKind::kWav},         {"audio/x-m4a", MediaKind::kM4a},
      {"audio/mp4", MediaKind::kM4a},         {"text/plain", MediaKind::kText},
  };
  for (const Entry& entry : kTable) {
    if (entry.mime == mime) return entry.kind;
  }
  return std::nullopt;
}

// Plain text we accept: UTF-8, no NUL, no control other than tab, LF, CR.
bool IsAcceptableText(std::span<const uint8_t> content) {
  const std::string_view text(reinterpret_cast<const char*>(content.data()), content.size());
  if (!intake::IsValidUtf8(text)) return false;
  std::string without_cr;
  without_cr.reserve(text.size());
  for (const char c : text) {
    if (c != '\r') without_cr.push_back(c);
  }
  return !intake::HasForbiddenControl(without_cr, /*allow_newline_and_tab=*/true);
}

}  // namespace

Result<std::unique_ptr<ContentSniffer>> ContentSniffer::Create() {
  magic_t cookie = magic_open(kMagicFlags);
  if (cookie == nullptr) return Status::FailedPrecondition("libmagic could not be opened");
  if (magic_load(cookie, nullptr) != 0) {
    magic_close(cookie);
    return Status::FailedPrecondition("libmagic could not load its database");
  }
  size_t bytes_max = kSniffBytes;
  magic_setparam(cookie, MAGIC_PARAM_BYTES_MAX, &bytes_max);
  return std::unique_ptr<ContentSniffer>(new ContentSniffer(cookie));
}

ContentSniffer::~ContentSniffer() { magic_close(cookie_); }

Result<MediaKind> ContentSniffer::Sniff(std::span<const uint8_t> content) const {
  if (content.empty()) return Status::InvalidArgument("the file is empty", "file");
  std::string mime;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const char* found = magic_buffer(cookie_, content.data(), content.size());
    if (found == nullptr) return NotAllowed();
    mime = found;
  }
  const std::optional<MediaKind> kind = KindOfMimeType(mime);
  if (!kind) return NotAllowed();
  if (*kind == MediaKind::kText && !IsAcceptableText(content)) return NotAllowed();
  return *kind;
}

}  // namespace pillarbox::media
