#include "disk_limit.h"

#include <sys/mount.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace pillarbox::testing {

bool StartWithFileSizeLimit(ServiceProcess& service, uint64_t bytes, const std::vector<std::string>& args) {
  std::signal(SIGXFSZ, SIG_IGN);  // inherited across exec: writes fail with EFBIG instead
  rlimit saved{};
  getrlimit(RLIMIT_FSIZE, &saved);
  rlimit limited = saved;
  limited.rlim_cur = bytes;
  if (setrlimit(RLIMIT_FSIZE, &limited) != 0) return false;
  const bool started = service.Start(args);
  setrlimit(RLIMIT_FSIZE, &saved);
  return started;
}

SmallFilesystem::SmallFilesystem(const std::string& folder, uint64_t bytes)
    : folder_(folder), saved_(folder + ".saved") {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::copy(folder_, saved_, fs::copy_options::recursive, error);
  if (error) {
    error_ = "could not copy the folder: " + error.message();
    return;
  }
  const std::string options = "size=" + std::to_string(bytes) + ",mode=0700";
  if (mount("tmpfs", folder_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
    error_ = std::string("mount: ") + std::strerror(errno);
    fs::remove_all(saved_, error);
    return;
  }
  mounted_ = true;
  fs::copy(saved_, folder_, fs::copy_options::recursive | fs::copy_options::overwrite_existing, error);
  if (error) error_ = "could not copy into the small filesystem: " + error.message();
}

SmallFilesystem::~SmallFilesystem() {
  if (mounted_) Unmount();
}

bool SmallFilesystem::Unmount() {
  namespace fs = std::filesystem;
  if (!mounted_) return false;
  std::error_code error;
  fs::remove_all(saved_, error);
  fs::copy(folder_, saved_, fs::copy_options::recursive, error);
  const bool copied = !error;
  mounted_ = umount2(folder_.c_str(), MNT_DETACH) != 0;
  if (mounted_) return false;
  fs::remove_all(folder_, error);
  fs::copy(saved_, folder_, fs::copy_options::recursive, error);
  const bool restored = !error;
  fs::remove_all(saved_, error);
  return copied && restored;
}

}  // namespace pillarbox::testing
