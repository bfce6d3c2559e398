#include "media/audio_metadata.h"

#include <taglib/flacfile.h>
#include <taglib/id3v2framefactory.h>
#include <taglib/id3v2tag.h>
#include <taglib/mp4file.h>
#include <taglib/mp4tag.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/tbytevectorstream.h>
#include <taglib/tdebuglistener.h>
#include <taglib/vorbisfile.h>
#include <taglib/wavfile.h>
#include <taglib/xiphcomment.h>

#include <exception>
#include <mutex>
#include <optional>

namespace pillarbox::media {
namespace {

Status Unreadable() { return Status::InvalidArgument("the audio file could not be read", "file"); }

class SilentDebugListener final : public TagLib::DebugListener {
 public:
  void printMessage(const TagLib::String&) override {}
};

// What one container's stripping found.
struct Found {
  bool tags = false;
  bool pictures = false;
};

bool HasPictures(const TagLib::ID3v2::Tag* tag) {
  return tag != nullptr && !tag->frameListMap()["APIC"].isEmpty();
}

std::optional<Found> StripMpeg(TagLib::IOStream* stream) {
  TagLib::MPEG::File file(stream, TagLib::ID3v2::FrameFactory::instance(), false);
  if (!file.isValid() || file.firstFrameOffset() < 0) return std::nullopt;
  Found found;
  found.tags = file.hasID3v1Tag() || file.hasID3v2Tag() || file.hasAPETag();
  found.pictures = file.hasID3v2Tag() && HasPictures(file.ID3v2Tag());
  if (found.tags && !file.strip(TagLib::MPEG::File::AllTags)) return std::nullopt;
  return found;
}

std::optional<Found> StripFlac(TagLib::IOStream* stream) {
  TagLib::FLAC::File file(stream, TagLib::ID3v2::FrameFactory::instance(), false);
  if (!file.isValid()) return std::nullopt;
  Found found;
  const bool has_comment = file.hasXiphComment() && !file.xiphComment()->isEmpty();
  found.tags = has_comment || file.hasID3v1Tag() || file.hasID3v2Tag();
  found.pictures = !file.pictureList().isEmpty();
  if (!found.tags && !found.pictures) return found;
  file.removePictures();
  file.strip(TagLib::FLAC::File::AllTags);
  if (!file.save()) return std::nullopt;
  return found;
}

template <typename OggFile>
std::optional<Found> StripOgg(TagLib::IOStream* stream) {
  OggFile file(stream, false);
  if (!file.isValid() || file.tag() == nullptr) return std::nullopt;
  TagLib::Ogg::XiphComment* comment = file.tag();
  Found found;
  found.tags = comment->fieldCount() > 0;
  found.pictures = !comment->pictureList().isEmpty();
  if (!found.tags && !found.pictures) return found;
  comment->removeAllFields();
  comment->removeAllPictures();
  if (!file.save()) return std::nullopt;
  return found;
}

std::optional<Found> StripWav(TagLib::IOStream* stream) {
  TagLib::RIFF::WAV::File file(stream, false);
  if (!file.isValid()) return std::nullopt;
  Found found;
  found.tags = file.hasID3v2Tag() || file.hasInfoTag();
  found.pictures = file.hasID3v2Tag() && HasPictures(file.ID3v2Tag());
  if (found.tags) file.strip(TagLib::RIFF::WAV::File::AllTags);
  return found;
}

std::optional<Found> StripMp4(TagLib::IOStream* stream) {
  TagLib::MP4::File file(stream, false);
  if (!file.isValid() || file.tag() == nullptr) return std::nullopt;
  TagLib::MP4::Tag* tag = file.tag();
  Found found;
  found.tags = !tag->itemMap().isEmpty();
  found.pictures = tag->contains("covr");
  if (!found.tags) return found;
  const TagLib::MP4::ItemMap items = tag->itemMap();
  for (auto it = items.begin(); it != items.end(); ++it) tag->removeItem(it->first);
  if (!file.save()) return std::nullopt;
  return found;
}

std::optional<Found> StripByKind(MediaKind kind, TagLib::IOStream* stream) {
  switch (kind) {
    case MediaKind::kMp3: return StripMpeg(stream);
    case MediaKind::kFlac: return StripFlac(stream);
    case MediaKind::kWav: return StripWav(stream);
    case MediaKind::kM4a: return StripMp4(stream);
    case MediaKind::kOgg: {
      std::optional<Found> found = StripOgg<TagLib::Ogg::Vorbis::File>(stream);
      return found ? found : StripOgg<TagLib::Ogg::Opus::File>(stream);
    }
    default: return std::nullopt;
  }
}

}  // namespace

void InitializeAudioLibrary() {
  static std::once_flag once;
  static SilentDebugListener listener;
  std::call_once(once, [] { TagLib::setDebugListener(&listener); });
}

Result<CleanedBytes> StripAudioTags(MediaKind kind, std::span<const uint8_t> content) {
  try {
    TagLib::ByteVectorStream stream(
        TagLib::ByteVector(reinterpret_cast<const char*>(content.data()), static_cast<unsigned int>(content.size())));
    const std::optional<Found> found = StripByKind(kind, &stream);
    if (!found) return Unreadable();
    CleanedBytes stripped;
    if (found->tags) stripped.removed.push_back("audio_tags");
    if (found->pictures) stripped.removed.push_back("embedded_pictures");
    const TagLib::ByteVector* data = stream.data();
    stripped.content.assign(data->begin(), data->end());
    return stripped;
  } catch (const std::exception&) {
    return Unreadable();
  } catch (...) {
    return Unreadable();
  }
}

}  // namespace pillarbox::media
