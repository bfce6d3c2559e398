// One LibraryEvidenceCleaner shared by the media tests (it is thread-safe and
// meant to be created once per process) and a helper to look for codes.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "intake/evidence_cleaner.h"

namespace pillarbox::media::testing {

// The process-wide cleaner under test.
const intake::EvidenceCleaner& SharedCleaner();

// True when `code` is in `codes`.
inline bool Has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace pillarbox::media::testing
