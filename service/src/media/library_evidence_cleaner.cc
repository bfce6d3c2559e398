#include "media/library_evidence_cleaner.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
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

// One cleaning pass over the bytes the previous pass kept.
using CleaningStep = std::function<Result<CleanedBytes>(std::span<const uint8_t>)>;
using CleaningSteps = std::vector<CleaningStep>;

// Runs `steps` in order, each on what the previous one kept (none: the bytes
// are kept as they are), and gathers what they removed.
Result<intake::CleanedEvidence> RunSteps(std::span<const uint8_t> content, const CleaningSteps& steps) {
  intake::CleanedEvidence cleaned;
  if (steps.empty()) cleaned.content.assign(content.begin(), content.end());
  for (size_t i = 0; i < steps.size(); ++i) {
    // The first pass reads the reporter's bytes in place; later ones what the pass before kept.
    PB_ASSIGN_OR_RETURN(CleanedBytes pass, steps[i](i == 0 ? content : std::span<const uint8_t>(cleaned.content)));
    cleaned.content = std::move(pass.content);
    MergeCodes(cleaned.removed, pass.removed);
  }
  return cleaned;
}

// exiv2's pass for an image of `kind`.
CleaningStep ImageMetadata(MediaKind kind) {
  return [kind](std::span<const uint8_t> bytes) { return StripImageMetadata(bytes, MediaTypeOf(kind)); };
}

// TagLib's pass for audio of `kind`.
CleaningStep AudioTags(MediaKind kind) {
  return [kind](std::span<const uint8_t> bytes) { return StripAudioTags(kind, bytes); };
}

// The passes for `kind`: a library first, then our structure filter as a
// second net where the library leaves metadata behind. nullopt for a kind
// outside the allow-list.
std::optional<CleaningSteps> StepsFor(MediaKind kind) {
  switch (kind) {
    case MediaKind::kJpeg: return CleaningSteps{ImageMetadata(kind), FilterJpegSegments};
    case MediaKind::kPng: return CleaningSteps{ImageMetadata(kind), FilterPngChunks};
    case MediaKind::kWebp: return CleaningSteps{ImageMetadata(kind)};
    case MediaKind::kGif: return CleaningSteps{FilterGifBlocks};  // exiv2 cannot rewrite GIF
    case MediaKind::kWav: return CleaningSteps{AudioTags(kind), FilterWaveChunks};
    case MediaKind::kMp3:
    case MediaKind::kOgg:
    case MediaKind::kFlac:
    case MediaKind::kM4a: return CleaningSteps{AudioTags(kind)};
    case MediaKind::kPdf:
    case MediaKind::kText: return CleaningSteps{};
  }
  return std::nullopt;
}

Result<intake::CleanedEvidence> CleanByKind(MediaKind kind, std::span<const uint8_t> content) {
  const std::optional<CleaningSteps> steps = StepsFor(kind);
  if (!steps.has_value()) return Status::InvalidArgument(kAllowedKindsMessage, "file");
  PB_ASSIGN_OR_RETURN(intake::CleanedEvidence cleaned, RunSteps(content, *steps));
  // Kept as is, with a warning code the reporter pages explain.
  if (kind == MediaKind::kPdf) cleaned.warnings.push_back("pdf_metadata_kept");
  return cleaned;
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
