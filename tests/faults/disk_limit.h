// Ways to run `pillarbox serve` out of disk space, for the disk-full tests:
// - a file-size quota (RLIMIT_FSIZE) inherited by the server: its writes
//   past the limit fail with EFBIG (SIGXFSZ ignored), in any container;
// - a small tmpfs mounted over the data folder (ENOSPC, the real disk-full
//   error), when this process may mount (root with CAP_SYS_ADMIN).
#pragma once

#include <sys/resource.h>

#include <cstdint>
#include <string>

#include "support/service_process.h"

namespace pillarbox::testing {

// Starts `service` with a file-size limit of `bytes`: sets the soft
// RLIMIT_FSIZE of this process (SIGXFSZ ignored) just long enough for the
// server to inherit it. Returns whether the server started.
bool StartWithFileSizeLimit(ServiceProcess& service, uint64_t bytes, const std::vector<std::string>& args);

// A tmpfs of `bytes` mounted over a folder whose content it keeps (copied in
// at mount, copied out at unmount). Mounted only when mount(2) succeeds.
class SmallFilesystem {
 public:
  // Mounts over `folder` (mode 0700); `mounted()` says whether it worked.
  SmallFilesystem(const std::string& folder, uint64_t bytes);
  // Unmount(), if still mounted.
  ~SmallFilesystem();
  SmallFilesystem(const SmallFilesystem&) = delete;
  SmallFilesystem& operator=(const SmallFilesystem&) = delete;

  bool mounted() const { return mounted_; }
  // The reason mounting failed ("" when it worked).
  const std::string& error() const { return error_; }
  // Copies the content back to the underlying folder and unmounts. Returns
  // whether both worked.
  bool Unmount();

 private:
  std::string folder_;
  std::string saved_;  // a sibling folder holding the content while mounted
  bool mounted_ = false;
  std::string error_;
};

}  // namespace pillarbox::testing
