// CleanedBytes: what one cleaning step (a library pass or a structure filter)
// returns: the kept bytes and the closed codes of what it removed. Shared by
// every step so the cleaner can chain them (library_evidence_cleaner.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pillarbox::media {

struct CleanedBytes {
  std::vector<uint8_t> content;
  std::vector<std::string> removed;  // closed codes, e.g. "exif", "gps", "audio_tags"
};

}  // namespace pillarbox::media
