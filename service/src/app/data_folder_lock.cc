// The data folder's lock (declared in app/data_folder_lock.h).
#include "app/data_folder_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pillarbox::app {

Result<DataFolderLock> DataFolderLock::Acquire(const std::string& data_dir) {
  const std::string path = data_dir + "/serve.lock";
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Status::Unavailable("cannot open " + path + ": " + std::strerror(errno));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    close(fd);
    if (error == EWOULDBLOCK) {
      return Status::FailedPrecondition("another process holds " + path +
                                        " (is pillarbox serve running on " + data_dir + "? stop it first)");
    }
    return Status::Unavailable("cannot lock " + path + ": " + std::strerror(error));
  }
  return DataFolderLock(fd);
}

DataFolderLock& DataFolderLock::operator=(DataFolderLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

DataFolderLock::~DataFolderLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace pillarbox::app
