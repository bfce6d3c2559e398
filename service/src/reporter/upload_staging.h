// UploadStaging: evidence files arriving in chunks (at most kMaxChunkBytes
// each, so Pistache's request size limit stays small), held in MEMORY only
// until the reporter finishes the upload: the plaintext never touches disk.
//
// Begin reserves the declared size at once (one allocation, never moved, so
// no copy of the plaintext is left behind) and counts it against a global cap
// on staged bytes; chunks must come in order (0, 1, 2, ...); Finish hands the
// bytes over only when they add up to the declared size. Every buffer is
// wiped when it is freed (finished, aborted, expired or dropped). An upload
// belongs to one report: any other report gets NotFound, as for an unknown id.
// Uploads idle for longer than Options::idle_timeout_seconds are dropped.
// Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/wipe.h"

namespace pillarbox::reporter {

// The largest chunk Append accepts.
inline constexpr size_t kMaxChunkBytes = 1024 * 1024;

class UploadStaging {
 public:
  struct Options {
    size_t max_file_bytes = 30 * 1024 * 1024;     // the largest declared size
    size_t max_staged_bytes = 256 * 1024 * 1024;  // all open uploads together (declared sizes)
    size_t max_uploads_per_report = 2;            // open uploads of one report at once
    int64_t idle_timeout_seconds = 10 * 60;       // since Begin or the last Append
  };

  // `clock` must outlive the staging.
  UploadStaging(const Clock& clock, Options options);
  ~UploadStaging();
  UploadStaging(const UploadStaging&) = delete;
  UploadStaging& operator=(const UploadStaging&) = delete;

  // Opens an upload of `declared_size` bytes for report `report_id`; returns
  // its id (32 random lowercase hex digits). InvalidArgument naming "size"
  // for 0; PayloadTooLarge naming "size" above max_file_bytes;
  // ResourceExhausted when the report already has max_uploads_per_report open
  // uploads or the global cap would be exceeded (after dropping expired ones).
  Result<std::string> Begin(std::string_view report_id, size_t declared_size);

  // Appends chunk number `index` to upload `upload_id` of report `report_id`.
  // NotFound for an unknown, expired or other report's upload.
  // InvalidArgument naming "chunk" when `chunk` is empty or `index` is not the
  // next one expected; PayloadTooLarge naming "chunk" when `chunk` is over
  // kMaxChunkBytes or would take the upload past its declared size. A refused
  // chunk leaves the upload as it was.
  Status Append(std::string_view report_id, std::string_view upload_id, uint64_t index, privacy::ByteView chunk);

  // Closes upload `upload_id` of report `report_id` and returns its bytes.
  // NotFound as for Append. InvalidArgument naming "chunks" when fewer bytes
  // than declared arrived (a truncated sequence); the upload is dropped then too.
  Result<privacy::SensitiveBytes> Finish(std::string_view report_id, std::string_view upload_id);

  // Drops upload `upload_id` of report `report_id`; unknown ones are ignored.
  void Abort(std::string_view report_id, std::string_view upload_id);

  // Drops every upload of report `report_id` (e.g. it was deleted); returns how many.
  size_t AbortReport(std::string_view report_id);

  // Drops uploads idle for longer than the timeout; returns how many.
  size_t PurgeExpired();

  // Open uploads and the bytes reserved for them (for tests and metrics).
  size_t open_uploads() const;
  size_t staged_bytes() const;
  const Options& options() const { return options_; }

 private:
  struct Upload {
    std::string report_id;
    size_t declared = 0;
    uint64_t next_index = 0;
    int64_t last_active = 0;
    privacy::SensitiveBytes buffer;
  };
  using UploadMap = std::map<std::string, Upload, std::less<>>;

  size_t PurgeExpiredLocked(int64_t now);
  void EraseLocked(UploadMap::iterator upload);
  UploadMap::iterator FindLocked(std::string_view report_id, std::string_view upload_id);

  const Clock& clock_;
  const Options options_;
  mutable std::mutex mutex_;
  UploadMap uploads_;
  size_t staged_bytes_ = 0;
};

}  // namespace pillarbox::reporter
