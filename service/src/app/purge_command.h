// `pillarbox purge`: runs the retention purge once now (the same
// cases/retention_purge.h that `serve` runs daily) and prints what it
// removed. Safe while `serve` runs on the same data folder: both write
// through SQLite's locking (a batch waits for the other's commit), and the
// WAL is truncated at the end (SQLite waits for the service's readers for
// the busy timeout; when they hold on longer, the service's own checkpoints
// finish the job).
#pragma once

#include <string>

namespace pillarbox::app {

struct PurgeOptions {
  std::string data_dir;
  std::string secret_file;   // the instance secret when not <data_dir>/instance.key
  bool json_output = false;  // print {"day","reports","cases","bundles"}
};

// Returns the process exit code: 0 after a purge, printing
// "purged day=YYYY-MM-DD reports=N cases=N bundles=N" (or the JSON object);
// 1 with one line on stderr when the instance cannot be opened or the purge
// fails.
int RunPurge(const PurgeOptions& options);

}  // namespace pillarbox::app
