// Reading a secret an operator passes in a file instead of on the command
// line (where `ps` and shell history would show it), e.g. a password for
// `instance rotate-master --password-file`.
#pragma once

#include <string>

#include "common/status.h"

namespace pillarbox::app {

// The first line of `path` without its line end (at most 4 KiB). NotFound
// when the file does not exist; FailedPrecondition when group or others may
// read it (the fix is named) or it is empty; Unavailable when it cannot be read.
// The message never contains the content.
Result<std::string> ReadSecretTextFile(const std::string& path);

}  // namespace pillarbox::app
