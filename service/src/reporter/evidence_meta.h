// What is known about an evidence file besides its bytes, and how it is kept:
// the metadata is sealed as JSON {name, type, ext, size, removed, warnings}
// under the report's data key (evidence_files.sealed_meta). The name is the
// reporter's own and is shown to reviewers but never used as a file name.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pillarbox::reporter {

struct EvidenceMeta {
  std::string name;                   // as the reporter named the file
  std::string media_type;             // sniffed from the content, e.g. "image/jpeg"
  std::string extension;              // for generated download names, e.g. "jpg"
  uint64_t size = 0;                  // bytes stored (after metadata removal)
  std::vector<std::string> removed;   // closed codes, e.g. "gps"
  std::vector<std::string> warnings;  // closed codes, e.g. "pdf_metadata_kept"
  bool operator==(const EvidenceMeta&) const = default;
};

// The most code points a file name may have.
inline constexpr size_t kMaxEvidenceNameCodePoints = 200;

// OK when `name` is valid UTF-8 of 1..kMaxEvidenceNameCodePoints code points
// without control characters; InvalidArgument naming "name" otherwise.
Status ValidateEvidenceName(std::string_view name);

// The JSON text of `meta` (to be sealed).
std::string EncodeEvidenceMeta(const EvidenceMeta& meta);

// Parses what EncodeEvidenceMeta produced; DataLoss on anything else.
Result<EvidenceMeta> DecodeEvidenceMeta(std::string_view json);

}  // namespace pillarbox::reporter
