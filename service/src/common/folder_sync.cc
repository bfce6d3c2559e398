// Folder fsync (declared in common/folder_sync.h).
#include "common/folder_sync.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pillarbox {

std::string FolderOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status SyncFolder(const std::string& folder) {
  const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Unavailable("cannot open " + folder + ": " + std::strerror(errno));
  const int result = fsync(fd);
  const int error = errno;
  close(fd);
  if (result != 0) return Status::Unavailable("cannot fsync " + folder + ": " + std::strerror(error));
  return Status::Ok();
}

}  // namespace pillarbox
