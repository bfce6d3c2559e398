// An exclusive lock on a data folder (flock on <data>/serve.lock), held by
// `serve` for its whole life and by commands that must not run beside it
// (a master key rotation rewrites keyed data the running service would keep
// writing under the old keys). Other commands (backup, purge, audit verify)
// do not take it: SQLite's own locking serves them. The kernel drops the
// lock when the process ends, even on kill -9. Move-only.
#pragma once

#include <string>

#include "common/status.h"

namespace pillarbox::app {

class DataFolderLock {
 public:
  // Takes the lock of `data_dir` without waiting. FailedPrecondition naming
  // the folder when another process holds it ("is pillarbox serve
  // running?"); Unavailable when the lock file cannot be opened.
  static Result<DataFolderLock> Acquire(const std::string& data_dir);

  DataFolderLock(DataFolderLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  DataFolderLock& operator=(DataFolderLock&& other) noexcept;
  DataFolderLock(const DataFolderLock&) = delete;
  DataFolderLock& operator=(const DataFolderLock&) = delete;
  ~DataFolderLock();

 private:
  explicit DataFolderLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace pillarbox::app
