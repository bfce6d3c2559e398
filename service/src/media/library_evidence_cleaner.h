// The EvidenceCleaner the service uses: libmagic decides the type from the
// content, exiv2 removes image metadata (EXIF, GPS, XMP, IPTC, comments),
// TagLib removes audio tags and embedded pictures; PDF metadata is reported
// as kept (a warning). See intake/evidence_cleaner.h for the contract.
#pragma once

#include <memory>

#include "intake/evidence_cleaner.h"

namespace pillarbox::media {

// A cleaner backed by the libraries above. Thread-safe; create once per
// process (it initializes the libraries' global state).
std::unique_ptr<intake::EvidenceCleaner> MakeLibraryEvidenceCleaner();

}  // namespace pillarbox::media
