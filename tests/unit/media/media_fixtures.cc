#include "media_fixtures.h"

#include <taglib/attachedpictureframe.h>
#include <taglib/id3v1tag.h>
#include <taglib/id3v2tag.h>
#include <taglib/mpegfile.h>
#include <taglib/tbytevectorstream.h>

#include <algorithm>

namespace pillarbox::media::testing {
namespace {

using Bytes = std::vector<uint8_t>;

void AppendBe32(Bytes& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(value >> shift));
}
void AppendLe32(Bytes& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<uint8_t>(value >> shift));
}
void AppendLe16(Bytes& out, uint32_t value) {
  out.push_back(static_cast<uint8_t>(value));
  out.push_back(static_cast<uint8_t>(value >> 8));
}
void AppendText(Bytes& out, const std::string& text) { out.insert(out.end(), text.begin(), text.end()); }

uint32_t Crc32(const Bytes& bytes, size_t from) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = from; i < bytes.size(); ++i) {
    crc ^= bytes[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

void AppendChunk(Bytes& png, const std::string& type, const Bytes& data) {
  AppendBe32(png, static_cast<uint32_t>(data.size()));
  const size_t crc_from = png.size();
  AppendText(png, type);
  png.insert(png.end(), data.begin(), data.end());
  AppendBe32(png, Crc32(png, crc_from));
}

// zlib stream of `raw` in one stored deflate block.
Bytes StoredZlib(const Bytes& raw) {
  Bytes out = {0x78, 0x01, 0x01};
  AppendLe16(out, static_cast<uint32_t>(raw.size()));
  AppendLe16(out, static_cast<uint32_t>(~raw.size() & 0xFFFF));
  out.insert(out.end(), raw.begin(), raw.end());
  uint32_t a = 1, b = 0;
  for (uint8_t byte : raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  AppendBe32(out, (b << 16) | a);
  return out;
}

}  // namespace

std::vector<uint8_t> MpegFrames(size_t count) {
  Bytes out;
  for (size_t frame = 0; frame < count; ++frame) {
    out.insert(out.end(), {0xFF, 0xFB, 0x90, 0x00});
    for (size_t i = 0; i < 413; ++i) out.push_back(static_cast<uint8_t>((i * 7 + frame * 13) % 200));
  }
  return out;
}

std::vector<uint8_t> WithId3Tags(const std::vector<uint8_t>& frames, const std::string& title,
                                 const std::string& picture_bytes) {
  TagLib::ByteVectorStream stream(
      TagLib::ByteVector(reinterpret_cast<const char*>(frames.data()), static_cast<unsigned int>(frames.size())));
  {
    TagLib::MPEG::File file(&stream, TagLib::ID3v2::FrameFactory::instance(), false);
    file.ID3v2Tag(true)->setTitle(TagLib::String(title, TagLib::String::UTF8));
    file.ID3v1Tag(true)->setArtist("CANARY-ARTIST");
    auto* picture = new TagLib::ID3v2::AttachedPictureFrame;
    picture->setMimeType("image/jpeg");
    picture->setPicture(TagLib::ByteVector(picture_bytes.data(), static_cast<unsigned int>(picture_bytes.size())));
    file.ID3v2Tag()->addFrame(picture);
    file.save();
  }
  const TagLib::ByteVector* data = stream.data();
  return Bytes(data->begin(), data->end());
}

std::vector<uint8_t> Png(const std::string& text_canary) {
  Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  Bytes ihdr;
  AppendBe32(ihdr, 2);
  AppendBe32(ihdr, 2);
  ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});  // 8-bit grey, no interlace
  AppendChunk(png, "IHDR", ihdr);
  if (!text_canary.empty()) {
    Bytes text;
    AppendText(text, "Author");
    text.push_back(0);
    AppendText(text, text_canary);
    AppendChunk(png, "tEXt", text);
    Bytes itxt;
    AppendText(itxt, "Comment");
    itxt.insert(itxt.end(), {0, 0, 0, 0, 0});
    AppendText(itxt, text_canary);
    AppendChunk(png, "iTXt", itxt);
  }
  AppendChunk(png, "IDAT", StoredZlib({0, 0x10, 0x80, 0, 0xF0, 0x40}));
  AppendChunk(png, "IEND", {});
  return png;
}

std::vector<uint8_t> Wav(size_t samples, const std::string& title) {
  Bytes body;
  AppendText(body, "WAVE");
  AppendText(body, "fmt ");
  AppendLe32(body, 16);
  AppendLe16(body, 1);      // PCM
  AppendLe16(body, 1);      // mono
  AppendLe32(body, 8000);   // sample rate
  AppendLe32(body, 16000);  // byte rate
  AppendLe16(body, 2);      // block align
  AppendLe16(body, 16);     // bits per sample
  AppendText(body, "data");
  AppendLe32(body, static_cast<uint32_t>(samples * 2));
  for (size_t i = 0; i < samples; ++i) AppendLe16(body, static_cast<uint32_t>((i * 37) & 0x7FFF));
  if (!title.empty()) {
    Bytes name(title.begin(), title.end());
    name.push_back(0);
    if (name.size() % 2 != 0) name.push_back(0);
    AppendText(body, "LIST");
    AppendLe32(body, static_cast<uint32_t>(4 + 8 + name.size()));
    AppendText(body, "INFO");
    AppendText(body, "INAM");
    AppendLe32(body, static_cast<uint32_t>(name.size()));
    body.insert(body.end(), name.begin(), name.end());
  }
  Bytes wav;
  AppendText(wav, "RIFF");
  AppendLe32(wav, static_cast<uint32_t>(body.size()));
  wav.insert(wav.end(), body.begin(), body.end());
  return wav;
}

std::vector<uint8_t> WavData(const std::vector<uint8_t>& wav) {
  size_t pos = 12;
  while (pos + 8 <= wav.size()) {
    const uint32_t size = wav[pos + 4] | (wav[pos + 5] << 8) | (wav[pos + 6] << 16) | (uint32_t{wav[pos + 7]} << 24);
    if (std::equal(wav.begin() + pos, wav.begin() + pos + 4, "data")) {
      return Bytes(wav.begin() + pos + 8, wav.begin() + pos + 8 + size);
    }
    pos += 8 + size + (size % 2);
  }
  return {};
}

}  // namespace pillarbox::media::testing

namespace pillarbox::media::testing {

std::vector<uint8_t> Gif(const std::string& canary) {
  std::vector<uint8_t> gif = {'G', 'I', 'F', '8', '9', 'a', 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00,
                              0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF};
  const std::string looping = "NETSCAPE2.0";
  gif.insert(gif.end(), {0x21, 0xFF, 0x0B});
  gif.insert(gif.end(), looping.begin(), looping.end());
  gif.insert(gif.end(), {0x03, 0x01, 0x00, 0x00, 0x00});
  if (!canary.empty()) {
    gif.insert(gif.end(), {0x21, 0xFE, static_cast<uint8_t>(canary.size())});
    gif.insert(gif.end(), canary.begin(), canary.end());
    gif.push_back(0x00);
    const std::string xmp = "XMP DataXMP";
    gif.insert(gif.end(), {0x21, 0xFF, 0x0B});
    gif.insert(gif.end(), xmp.begin(), xmp.end());
    gif.push_back(static_cast<uint8_t>(canary.size()));
    gif.insert(gif.end(), canary.begin(), canary.end());
    gif.push_back(0x00);
  }
  gif.insert(gif.end(), {0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00,
                         0x3B});
  return gif;
}

std::vector<uint8_t> TinyWebp() {
  return {0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c, 0x0d,
          0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00};
}

}  // namespace pillarbox::media::testing

namespace pillarbox::media::testing {
namespace {

void AppendBlockHeader(std::vector<uint8_t>& out, uint8_t type, bool last, size_t length) {
  out.push_back(static_cast<uint8_t>(type | (last ? 0x80 : 0x00)));
  out.push_back(static_cast<uint8_t>(length >> 16));
  out.push_back(static_cast<uint8_t>(length >> 8));
  out.push_back(static_cast<uint8_t>(length));
}

std::vector<uint8_t> VorbisComment(const std::string& title) {
  std::vector<uint8_t> body;
  const std::string vendor = "pillarbox-test";
  const std::string field = "TITLE=" + title;
  AppendLe32(body, static_cast<uint32_t>(vendor.size()));
  AppendText(body, vendor);
  AppendLe32(body, 1);
  AppendLe32(body, static_cast<uint32_t>(field.size()));
  AppendText(body, field);
  return body;
}

std::vector<uint8_t> PictureBlock(const std::string& data) {
  std::vector<uint8_t> body;
  const std::string mime = "image/jpeg";
  AppendBe32(body, 3);  // front cover
  AppendBe32(body, static_cast<uint32_t>(mime.size()));
  AppendText(body, mime);
  AppendBe32(body, 0);  // no description
  for (int i = 0; i < 4; ++i) AppendBe32(body, 0);  // width, height, depth, colours
  AppendBe32(body, static_cast<uint32_t>(data.size()));
  AppendText(body, data);
  return body;
}

}  // namespace

std::vector<uint8_t> Flac(const std::string& title, const std::vector<uint8_t>& audio) {
  std::vector<uint8_t> out;
  AppendText(out, "fLaC");
  AppendBlockHeader(out, 0, title.empty(), 34);
  out.insert(out.end(), {0x10, 0x00, 0x10, 0x00, 0, 0, 0, 0, 0, 0});
  const uint64_t packed = (uint64_t{44100} << 44) | (uint64_t{1} << 41) | (uint64_t{15} << 36);
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(packed >> shift));
  out.insert(out.end(), 16, 0x00);  // MD5 unknown
  if (!title.empty()) {
    const std::vector<uint8_t> comment = VorbisComment(title);
    AppendBlockHeader(out, 4, false, comment.size());
    out.insert(out.end(), comment.begin(), comment.end());
    const std::vector<uint8_t> picture = PictureBlock(title);
    AppendBlockHeader(out, 6, true, picture.size());
    out.insert(out.end(), picture.begin(), picture.end());
  }
  out.insert(out.end(), audio.begin(), audio.end());
  return out;
}

std::vector<uint8_t> FlacAudio(size_t bytes) {
  std::vector<uint8_t> audio = {0xFF, 0xF8};
  for (size_t i = 2; i < bytes; ++i) audio.push_back(static_cast<uint8_t>((i * 11) % 251));
  return audio;
}

}  // namespace pillarbox::media::testing
