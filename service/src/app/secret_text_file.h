// Reading a secret an operator passes in a file instead of on the command
// line (where `ps` and shell history would show it): a backup passphrase
// (`backup --passphrase-file`), an admin's password
// (`instance rotate-master --password-file`).
#pragma once

#include <string>

#include "common/status.h"

namespace pillarbox::app {

// The content of `path` without one final newline (at most 4096 bytes).
// `what` names the file in messages (e.g. "passphrase file"). NotFound when
// it does not exist; FailedPrecondition when it is not a regular file or
// group or others may access it (the fix is named); InvalidArgument when it
// is empty or too large. Messages never contain the content.
Result<std::string> ReadSecretTextFile(const std::string& path, const std::string& what);

}  // namespace pillarbox::app
