// Making a rename or a new file durable: the folder that holds it must be
// fsynced too, or a crash can forget the name. Used by the instance keyring
// (privacy/instance_keyring.h) and the backup files (app/backup_files.h).
// Thread-safe (no state).
#pragma once

#include <string>

#include "common/status.h"

namespace pillarbox {

// The folder part of `path`: "." when it has none, "/" for a file at the root.
std::string FolderOf(const std::string& path);

// fsyncs `folder`. Unavailable (with the errno text) when it cannot be opened
// or synced.
Status SyncFolder(const std::string& folder);

}  // namespace pillarbox
