// Making a backup file of a live instance (`pillarbox backup`): an online
// snapshot of the database with SQLite's backup API (store/online_backup.h)
// into a temporary file inside the data folder (mode 0600, removed on every
// path), encrypted and signed into "<out>.tmp" (privacy/backup_file.h),
// fsynced and renamed to `out`. The instance secret is never in the file.
// Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/instance_layout.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/password_kdf.h"
#include "store/online_backup.h"

namespace pillarbox::app {

struct BackupRequest {
  InstanceLayout layout;
  std::string out;                        // the backup file to write (replaced atomically if it exists)
  std::optional<std::string> passphrase{};  // protect the file with a passphrase instead of the instance key
  privacy::PasswordKdfParams kdf = privacy::ModerateKdfParams();
  int pages_per_step = store::kSnapshotPagesPerStep;
};

// What a backup wrote; no content.
struct BackupSummary {
  uint64_t file_bytes = 0;
  int64_t pages = 0;
  int64_t page_bytes = 0;
  int schema_version = 0;
  std::string created_day;
  bool passphrase = false;
};

// Writes the backup described by `request`, the created day from `clock`.
// NotFound when the data folder has no database or no instance secret;
// FailedPrecondition for a loose instance secret; Unavailable for I/O errors
// (a full disk, an unwritable folder). On error neither `out`, "<out>.tmp"
// nor the snapshot is left behind.
Result<BackupSummary> CreateBackup(const BackupRequest& request, const Clock& clock);

}  // namespace pillarbox::app
