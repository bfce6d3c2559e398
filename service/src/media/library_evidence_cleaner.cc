#include "media/library_evidence_cleaner.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "media/audio_metadata.h"
#include "media/content_sniffer.h"
#include "media/gif_blocks.h"
#include "media/image_metadata.h"
#include "media/jpeg_segments.h"
#include "media/media_kind.h"
#include "media/png_chunks.h"
#include "media/wave_chunks.h"

namespace pillarbox::media {
namespace {

void MergeCodes(std::vector<std::string>& into, const std::vector<std::string>& codes) {
  for (const std::string& code : codes) {
    if (std::find(into.begin(), into.end(), code) == into.end()) into.push_back(code);
  }
}

std::vector<uint8_t> CopyOf(std::span<const uint8_t> content) { return {content.begin(), content.end()}; }

Result<intake::CleanedEvidence> CleanJpeg(std::span<const uint8_t> content) {
  PB_ASSIGN_OR_RETURN(StrippedImage stripped, StripImageMetadata(content, MediaTypeOf(MediaKind::kJpeg)));
  PB_ASSIGN_OR_RETURN(FilteredJpeg filtered, FilterJpegSegments(stripped.content));
  intake::CleanedEvidence cleaned;
  cleaned.content = std::move(filtered.content);
  cleaned.removed = std::move(stripped.removed);
  MergeCodes(cleaned.removed, filtered.removed);
  return cleaned;
}

Result<intake::CleanedEvidence> CleanPng(std::span<const uint8_t> content) {
  PB_ASSIGN_OR_RETURN(StrippedImage stripped, StripImageMetadata(content, MediaTypeOf(MediaKind::kPng)));
  PB_ASSIGN_OR_RETURN(FilteredPng filtered, FilterPngChunks(stripped.content));
  intake::CleanedEvidence cleaned;
  cleaned.content = std::move(filtered.content);
  cleaned.removed = std::move(stripped.removed);
  MergeCodes(cleaned.removed, filtered.removed);
  return cleaned;
}

Result<intake::CleanedEvidence> CleanGif(std::span<const uint8_t> content) {
  PB_ASSIGN_OR_RETURN(FilteredGif filtered, FilterGifBlocks(content));
  intake::CleanedEvidence cleaned;
  cleaned.content = std::move(filtered.content);
  cleaned.removed = std::move(filtered.removed);
  return cleaned;
}

Result<intake::CleanedEvidence> CleanWebp(std::span<const uint8_t> content) {
  PB_ASSIGN_OR_RETURN(StrippedImage stripped, StripImageMetadata(content, MediaTypeOf(MediaKind::kWebp)));
  intake::CleanedEvidence cleaned;
  cleaned.content = std::move(stripped.content);
  cleaned.removed = std::move(stripped.removed);
  return cleaned;
}

Result<intake::CleanedEvidence> CleanAudio(MediaKind kind, std::span<const uint8_t> content) {
  PB_ASSIGN_OR_RETURN(StrippedAudio stripped, StripAudioTags(kind, content));
  intake::CleanedEvidence cleaned;
  cleaned.removed = std::move(stripped.removed);
  if (kind != MediaKind::kWav) {
    cleaned.content = std::move(stripped.content);
    return cleaned;
  }
  PB_ASSIGN_OR_RETURN(FilteredWave filtered, FilterWaveChunks(stripped.content));
  cleaned.content = std::move(filtered.content);
  MergeCodes(cleaned.removed, filtered.removed);
  return cleaned;
}

// Kept as is, with a warning code the reporter pages explain.
intake::CleanedEvidence KeptWithWarning(std::span<const uint8_t> content, std::string warning) {
  intake::CleanedEvidence cleaned;
  cleaned.content = CopyOf(content);
  cleaned.warnings.push_back(std::move(warning));
  return cleaned;
}

Result<intake::CleanedEvidence> CleanByKind(MediaKind kind, std::span<const uint8_t> content) {
  switch (kind) {
    case MediaKind::kJpeg: return CleanJpeg(content);
    case MediaKind::kPng: return CleanPng(content);
    case MediaKind::kWebp: return CleanWebp(content);
    case MediaKind::kGif: return CleanGif(content);
    case MediaKind::kPdf: return KeptWithWarning(content, "pdf_metadata_kept");
    case MediaKind::kMp3:
    case MediaKind::kOgg:
    case MediaKind::kFlac:
    case MediaKind::kWav:
    case MediaKind::kM4a: return CleanAudio(kind, content);
    case MediaKind::kText: {
      intake::CleanedEvidence cleaned;
      cleaned.content = CopyOf(content);
      return cleaned;
    }
  }
  return Status::InvalidArgument(kAllowedKindsMessage, "file");
}

class LibraryEvidenceCleaner final : public intake::EvidenceCleaner {
 public:
  explicit LibraryEvidenceCleaner(std::unique_ptr<ContentSniffer> sniffer) : sniffer_(std::move(sniffer)) {}

  Result<intake::CleanedEvidence> Clean(std::span<const uint8_t> content) const override {
    if (sniffer_ == nullptr) return Status::FailedPrecondition("the file type detector is not available");
    PB_ASSIGN_OR_RETURN(const MediaKind kind, sniffer_->Sniff(content));
    PB_ASSIGN_OR_RETURN(intake::CleanedEvidence cleaned, CleanByKind(kind, content));
    cleaned.media_type = std::string(MediaTypeOf(kind));
    cleaned.extension = std::string(ExtensionOf(kind));
    return cleaned;
  }

 private:
  std::unique_ptr<ContentSniffer> sniffer_;  // null when libmagic failed to load
};

}  // namespace

std::unique_ptr<intake::EvidenceCleaner> MakeLibraryEvidenceCleaner() {
  InitializeImageLibrary();
  InitializeAudioLibrary();
  Result<std::unique_ptr<ContentSniffer>> sniffer = ContentSniffer::Create();
  return std::make_unique<LibraryEvidenceCleaner>(sniffer.ok() ? std::move(sniffer).value() : nullptr);
}

}  // namespace pillarbox::media
