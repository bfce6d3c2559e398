#include "reporter/upload_staging.h"

#include <algorithm>
#include <utility>

namespace pillarbox::reporter {
namespace {

constexpr size_t kUploadIdBytes = 16;

}  // namespace

UploadStaging::UploadStaging(const Clock& clock, Options options) : clock_(clock), options_(options) {}

UploadStaging::~UploadStaging() = default;  // each buffer wipes itself

Result<std::string> UploadStaging::Begin(std::string_view report_id, size_t declared_size) {
  if (declared_size == 0) return Status::InvalidArgument("a file must not be empty", "size");
  if (declared_size > options_.max_file_bytes) {
    return Status::PayloadTooLarge("the file is larger than the limit", "size");
  }
  const std::lock_guard lock(mutex_);
  PurgeExpiredLocked(clock_.NowUnixSeconds());
  const auto of_report = std::count_if(uploads_.begin(), uploads_.end(),
                                       [&](const auto& entry) { return entry.second.report_id == report_id; });
  if (static_cast<size_t>(of_report) >= options_.max_uploads_per_report) {
    return Status::ResourceExhausted("too many uploads in progress; finish one first");
  }
  if (declared_size > options_.max_staged_bytes - std::min(staged_bytes_, options_.max_staged_bytes)) {
    return Status::ResourceExhausted("too many uploads in progress; try again later");
  }
  std::string id = privacy::ToHex(privacy::RandomBytes(kUploadIdBytes));
  Upload upload;
  upload.report_id = std::string(report_id);
  upload.declared = declared_size;
  upload.last_active = clock_.NowUnixSeconds();
  upload.buffer.bytes().reserve(declared_size);  // never reallocated: Append stays within it
  uploads_.emplace(id, std::move(upload));
  staged_bytes_ += declared_size;
  return id;
}

Status UploadStaging::Append(std::string_view report_id, std::string_view upload_id, uint64_t index,
                             privacy::ByteView chunk) {
  if (chunk.empty()) return Status::InvalidArgument("a chunk must not be empty", "chunk");
  if (chunk.size() > kMaxChunkBytes) return Status::PayloadTooLarge("a chunk is at most 1 MiB", "chunk");
  const std::lock_guard lock(mutex_);
  const int64_t now = clock_.NowUnixSeconds();
  PurgeExpiredLocked(now);
  auto found = FindLocked(report_id, upload_id);
  if (found == uploads_.end()) return Status::NotFound("no such upload");
  Upload& upload = found->second;
  if (index != upload.next_index) {
    return Status::InvalidArgument("chunks must be sent in order, starting at 0", "chunk");
  }
  privacy::Bytes& buffer = upload.buffer.bytes();
  if (chunk.size() > upload.declared - buffer.size()) {
    return Status::PayloadTooLarge("the chunks exceed the declared size", "chunk");
  }
  buffer.insert(buffer.end(), chunk.begin(), chunk.end());  // within the reserved capacity
  upload.next_index += 1;
  upload.last_active = now;
  return Status::Ok();
}

Result<privacy::SensitiveBytes> UploadStaging::Finish(std::string_view report_id, std::string_view upload_id) {
  const std::lock_guard lock(mutex_);
  PurgeExpiredLocked(clock_.NowUnixSeconds());
  auto found = FindLocked(report_id, upload_id);
  if (found == uploads_.end()) return Status::NotFound("no such upload");
  const bool complete = found->second.buffer.size() == found->second.declared;
  privacy::SensitiveBytes bytes = std::move(found->second.buffer);
  EraseLocked(found);
  if (!complete) return Status::InvalidArgument("the chunks do not add up to the declared size", "chunks");
  return bytes;
}

void UploadStaging::Abort(std::string_view report_id, std::string_view upload_id) {
  const std::lock_guard lock(mutex_);
  auto found = FindLocked(report_id, upload_id);
  if (found != uploads_.end()) EraseLocked(found);
}

size_t UploadStaging::AbortReport(std::string_view report_id) {
  const std::lock_guard lock(mutex_);
  size_t dropped = 0;
  for (auto it = uploads_.begin(); it != uploads_.end();) {
    auto next = std::next(it);
    if (it->second.report_id == report_id) {
      EraseLocked(it);
      ++dropped;
    }
    it = next;
  }
  return dropped;
}

size_t UploadStaging::PurgeExpired() {
  const std::lock_guard lock(mutex_);
  return PurgeExpiredLocked(clock_.NowUnixSeconds());
}

size_t UploadStaging::open_uploads() const {
  const std::lock_guard lock(mutex_);
  return uploads_.size();
}

size_t UploadStaging::staged_bytes() const {
  const std::lock_guard lock(mutex_);
  return staged_bytes_;
}

size_t UploadStaging::PurgeExpiredLocked(int64_t now) {
  size_t dropped = 0;
  for (auto it = uploads_.begin(); it != uploads_.end();) {
    auto next = std::next(it);
    if (now - it->second.last_active > options_.idle_timeout_seconds) {
      EraseLocked(it);
      ++dropped;
    }
    it = next;
  }
  return dropped;
}

void UploadStaging::EraseLocked(UploadMap::iterator upload) {
  staged_bytes_ -= upload->second.declared;
  uploads_.erase(upload);  // the buffer wipes itself
}

UploadStaging::UploadMap::iterator UploadStaging::FindLocked(std::string_view report_id, std::string_view upload_id) {
  auto found = uploads_.find(upload_id);
  if (found == uploads_.end() || found->second.report_id != report_id) return uploads_.end();
  return found;
}

}  // namespace pillarbox::reporter
