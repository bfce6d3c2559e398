#include "cleaner_fixture.h"

#include <memory>

#include "media/library_evidence_cleaner.h"

namespace pillarbox::media::testing {

const intake::EvidenceCleaner& SharedCleaner() {
  static const std::unique_ptr<intake::EvidenceCleaner> cleaner = MakeLibraryEvidenceCleaner();
  return *cleaner;
}

}  // namespace pillarbox::media::testing
