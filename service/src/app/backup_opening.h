// Checking and restoring backup files (`pillarbox backup verify`,
// `pillarbox restore`; the file format is privacy/backup_file.h). Both
// decrypt every chunk into a temporary file (mode 0600) and run PRAGMA
// integrity_check on it; verify then removes it, restore renames it to the
// new data folder's pillarbox.db. Thread-compatible.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "privacy/backup_file.h"
#include "privacy/instance_secret.h"

namespace pillarbox::app {

struct BackupSource {
  std::string file;                       // the backup file
  const privacy::InstanceKeys* keys = nullptr;  // the instance that made it (never null)
  std::optional<std::string> passphrase{};  // for a passphrase-protected backup
};

// Checks `source` completely without keeping anything: signature, every
// chunk, integrity of the decrypted database, and a schema version that
// matches the header and is one this build knows. The plaintext goes to a
// temporary file in `scratch_folder`, removed on every path. Errors name what
// failed (OpenBackup's: "signature: ...", "chunk N: ...", "truncated: ...",
// "passphrase: ..."; DataLoss "integrity: ..." or "schema: ...";
// NotFound when the file does not exist).
Result<privacy::BackupHeader> VerifyBackup(const BackupSource& source, const std::string& scratch_folder);

// Restores `source` into `new_data_dir`, which must not exist or be empty
// but for an instance.key (Conflict otherwise, nothing changed): creates it with mode 0700, checks as
// VerifyBackup does, and writes pillarbox.db (0600) last, by rename. On error
// nothing is left in the folder (and a folder it created is removed). The
// instance secret is not in the backup: the caller tells the operator to copy
// it to <new_data_dir>/instance.key.
Result<privacy::BackupHeader> RestoreBackup(const BackupSource& source, const std::string& new_data_dir);

}  // namespace pillarbox::app
