// Temporary files, durable output and passphrase files (declared in app/backup_files.h).
#include "app/backup_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pillarbox::app {
namespace {

std::string ErrnoText(int error) { return std::strerror(error); }

}  // namespace

Result<TemporaryFile> TemporaryFile::Create(const std::string& folder, std::string_view prefix) {
  const std::string path = folder + "/." + std::string(prefix) + "-" + privacy::ToHex(privacy::RandomBytes(16)) + ".tmp";
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Unavailable("cannot create a temporary file in " + folder + ": " + ErrnoText(errno));
  close(fd);
  return TemporaryFile(path);
}

TemporaryFile::TemporaryFile(TemporaryFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

TemporaryFile::~TemporaryFile() {
  if (path_.empty()) return;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) unlink((path_ + suffix).c_str());
}

Result<OutputFile> OutputFile::Open(const std::string& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Unavailable("cannot create " + path + ": " + ErrnoText(errno));
  return OutputFile(fd, path);
}

OutputFile::OutputFile(OutputFile&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }

OutputFile::~OutputFile() {
  if (fd_ >= 0) close(fd_);
}

Status OutputFile::Write(privacy::ByteView bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = write(fd_, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) return Status::Unavailable("cannot write " + path_ + ": " + ErrnoText(errno));
    done += static_cast<size_t>(wrote);
  }
  return Status::Ok();
}

Status OutputFile::SyncAndClose() {
  const bool synced = fsync(fd_) == 0;
  const int sync_error = errno;
  const bool closed = close(fd_) == 0;
  fd_ = -1;
  if (!synced) return Status::Unavailable("cannot fsync " + path_ + ": " + ErrnoText(sync_error));
  if (!closed) return Status::Unavailable("cannot close " + path_);
  return Status::Ok();
}

Status RenameDurably(const std::string& from, const std::string& to) {
  if (rename(from.c_str(), to.c_str()) != 0) {
    return Status::Unavailable("cannot rename " + from + " to " + to + ": " + ErrnoText(errno));
  }
  return SyncFolder(FolderOf(to));
}

}  // namespace pillarbox::app
