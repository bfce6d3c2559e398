// `pillarbox backup`, `pillarbox backup verify` and `pillarbox restore`: the
// operator's side of app/backup_creation.h and app/backup_opening.h
// (docs/OPERATIONS.md, "Backups"). Output names sizes, pages and days only,
// never content.
#pragma once

#include <string>

namespace pillarbox::app {

struct BackupOptions {
  std::string data_dir;
  std::string secret_file;      // the instance secret when not <data_dir>/instance.key
  std::string out;              // the backup file
  std::string passphrase_file;  // protect the file with this passphrase instead of the instance key
};

struct BackupVerifyOptions {
  std::string in;
  std::string data_dir;         // the instance (its instance.key); also where the scratch copy goes
  std::string secret_file;      // the instance secret, instead of or besides data_dir
  std::string passphrase_file;  // for a passphrase-protected backup
};

struct RestoreOptions {
  std::string in;
  std::string data_dir;         // the new data folder (must not exist or be empty)
  std::string secret_file;      // the instance secret of the instance that made the backup (required)
  std::string passphrase_file;  // for a passphrase-protected backup
};

// Exit code 0 after writing the backup ("backup written: <file>, N bytes,
// M pages of P bytes, schema V, day D, key: ..." on stdout); 1 with one line
// on stderr when it cannot (nothing is left behind).
int RunBackup(const BackupOptions& options);

// Exit code 0 and "backup verified ..." on stdout when the backup is intact
// and this instance's; 1 with "backup verify FAILED: <what>" on stderr
// naming what failed (signature, chunk N, truncated, integrity, passphrase).
int RunBackupVerify(const BackupVerifyOptions& options);

// Exit code 0 after restoring, with a reminder that the instance secret is
// NOT in the backup; 1 with one line on stderr otherwise (a non-empty
// folder, a failed check), leaving no database behind.
int RunRestore(const RestoreOptions& options);

}  // namespace pillarbox::app
