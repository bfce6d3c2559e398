// Hand-built media files for the media unit tests (our own bytes): MPEG
// audio frames, a PNG with text chunks, a WAV with a RIFF INFO title, and
// TagLib helpers that add tags the way a tagging program would.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pillarbox::media::testing {

// `count` MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) with
// a varying byte pattern as payload and no tag.
std::vector<uint8_t> MpegFrames(size_t count);

// `frames` with an ID3v2 title `title`, an ID3v1 artist and an ID3v2 APIC
// picture holding `picture_bytes`, written by TagLib.
std::vector<uint8_t> WithId3Tags(const std::vector<uint8_t>& frames, const std::string& title,
                                 const std::string& picture_bytes);

// A 2x2 grey PNG; with `text_canary` non-empty it also holds a tEXt "Author"
// and an iTXt "Comment" chunk containing it (with correct CRCs).
std::vector<uint8_t> Png(const std::string& text_canary);

// A mono 8 kHz 16-bit PCM WAV with `samples` samples; with `title` non-empty
// a LIST/INFO chunk with INAM = title follows the data chunk.
std::vector<uint8_t> Wav(size_t samples, const std::string& title);

// The bytes of the WAV "data" chunk payload in `wav`; empty when missing.
std::vector<uint8_t> WavData(const std::vector<uint8_t>& wav);

}  // namespace pillarbox::media::testing

namespace pillarbox::media::testing {

// A 1x1 GIF89a with a NETSCAPE2.0 looping extension; with `canary` non-empty
// it also holds a comment extension and an "XMP DataXMP" application
// extension containing it.
std::vector<uint8_t> Gif(const std::string& canary);

// A 1x1 lossless WebP (RIFF/WEBP/VP8L, 34 bytes).
std::vector<uint8_t> TinyWebp();

}  // namespace pillarbox::media::testing

namespace pillarbox::media::testing {

// A FLAC stream: "fLaC", STREAMINFO (44.1 kHz, stereo, 16 bits) and, when
// `title` is not empty, a VORBIS_COMMENT with TITLE=title and a PICTURE block
// holding `title` as image bytes; then `audio` as the frame bytes.
std::vector<uint8_t> Flac(const std::string& title, const std::vector<uint8_t>& audio);

// Stand-in FLAC frame bytes (start with the frame sync code, varying payload).
std::vector<uint8_t> FlacAudio(size_t bytes);

}  // namespace pillarbox::media::testing
