// The names of entries inside an evidence bundle (bundles/bundle_format.h).
// Thread-safe.
#pragma once

#include <string_view>

#include "common/status.h"

namespace pillarbox::bundles {

inline constexpr size_t kMaxEntryPathBytes = 255;

// OK when `path` is a relative entry name: 1 to kMaxEntryPathBytes characters
// of [A-Za-z0-9._/-], segments separated by single '/', no empty, "." or ".."
// segment, no ".." anywhere, no leading or trailing '/'. Such a name cannot
// leave the folder it is written under. InvalidArgument (field "path")
// saying what is wrong otherwise.
Status ValidateEntryPath(std::string_view path);

}  // namespace pillarbox::bundles
