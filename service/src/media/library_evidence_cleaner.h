// The EvidenceCleaner the service uses: libmagic decides the type from the
// content (content_sniffer.h); exiv2 removes image metadata (EXIF, GPS, XMP,
// IPTC, comments; the ICC colour profile is kept) and our structure filters
// (jpeg_segments.h, png_chunks.h, gif_blocks.h, wave_chunks.h) check that the
// file is complete and drop what the libraries leave (vendor segments, text
// chunks, bytes after the end); TagLib removes audio tags and embedded
// pictures; PDF is kept with the warning "pdf_metadata_kept". See
// intake/evidence_cleaner.h for the contract and docs/ARCHITECTURE.md "Evidence cleaning" for the
// table of what each kind keeps. Memory only: never writes a file.
#pragma once

#include <memory>

#include "intake/evidence_cleaner.h"

namespace pillarbox::media {

// A cleaner backed by the libraries above. Thread-safe; create once per
// process (it initializes the libraries' global state: mutes exiv2's log,
// initializes its XMP toolkit with a lock, silences TagLib's debug output).
// If libmagic's database cannot be loaded (a broken installation), every
// Clean() returns FailedPrecondition rather than guessing types.
std::unique_ptr<intake::EvidenceCleaner> MakeLibraryEvidenceCleaner();

}  // namespace pillarbox::media
