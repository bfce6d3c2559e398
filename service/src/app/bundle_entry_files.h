// Writing the entries of a verified bundle to a folder (`pillarbox bundle
// open`). Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/signing_key.h"

namespace pillarbox::app {

// Checks `bundle` again and writes each entry to <out_dir>/<path>: `out_dir`
// is created (mode 0700) when missing; parent folders are created inside it
// (0700); files are created with mode 0600. Every path component is opened
// relative to its parent without following symbolic links, and no existing
// file is overwritten, so nothing is written outside `out_dir`.
// InvalidArgument for a path that is not a valid entry path (a signed
// manifest never lists one); Conflict when a file exists; DataLoss when the
// bundle no longer checks intact; FailedPrecondition on I/O errors. Entries
// written before an error stay.
Status WriteBundleEntries(std::string_view bundle, const privacy::SecretKey& organization_secret_key,
                          const std::optional<privacy::SigningPublicKey>& signer, const std::string& out_dir);

}  // namespace pillarbox::app
