// File handling shared by `pillarbox backup`, `backup verify` and `restore`:
// temporary files that are removed on every path, a durable write-then-rename
// of the backup file. Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "common/folder_sync.h"
#include "common/status.h"
#include "privacy/bytes.h"

namespace pillarbox::app {

// A temporary file path inside a folder, unlinked (with any -journal, -wal
// and -shm files SQLite left beside it) when this object is destroyed.
// Move-only.
class TemporaryFile {
 public:
  // Creates an empty file "<folder>/.<prefix>-<32 hex digits>.tmp" with mode
  // 0600 (O_EXCL, O_NOFOLLOW). Unavailable naming the folder when it cannot.
  static Result<TemporaryFile> Create(const std::string& folder, std::string_view prefix);
  TemporaryFile(TemporaryFile&& other) noexcept;
  TemporaryFile& operator=(TemporaryFile&&) = delete;
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile();

  const std::string& path() const { return path_; }
  // Stops removing the file (after it was renamed into place).
  void Release() { path_.clear(); }

 private:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

// An open file written from the start (O_TRUNC), for a sink. Closes on
// destruction. Move-only.
class OutputFile {
 public:
  // Opens `path` for writing with mode 0600, creating or truncating it
  // (O_NOFOLLOW). Unavailable naming the path when it cannot.
  static Result<OutputFile> Open(const std::string& path);
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Writes all of `bytes`. Unavailable on a write error (e.g. a full disk).
  Status Write(privacy::ByteView bytes);
  // fsyncs and closes. Unavailable when either fails.
  Status SyncAndClose();

 private:
  OutputFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

// Renames `from` to `to` (same folder) and fsyncs the folder. Unavailable on failure.
Status RenameDurably(const std::string& from, const std::string& to);


}  // namespace pillarbox::app
