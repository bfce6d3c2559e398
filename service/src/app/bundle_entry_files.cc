#include "app/bundle_entry_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "bundles/bundle_format.h"
#include "bundles/entry_path.h"

namespace pillarbox::app {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Opens (creating when missing) the folder `name` inside `parent`, never through a symbolic link.
Result<int> OpenFolderAt(int parent, const std::string& name, const std::string& shown) {
  if (mkdirat(parent, name.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::FailedPrecondition("cannot create folder " + shown + ": " + ErrnoText());
  }
  const int fd = openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return Status::FailedPrecondition("cannot open folder " + shown + " (not a folder?): " + ErrnoText());
  return fd;
}

Status WriteAll(int fd, std::string_view content, const std::string& shown) {
  while (!content.empty()) {
    const ssize_t written = write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return Status::FailedPrecondition("cannot write " + shown + ": " + ErrnoText());
    content.remove_prefix(static_cast<size_t>(written));
  }
  return Status::Ok();
}

// Writes `content` to `path` (a valid entry path) under the folder `root`.
Status WriteEntry(int root, const std::string& out_dir, const std::string& path, std::string_view content) {
  PB_RETURN_IF_ERROR(bundles::ValidateEntryPath(path));
  int folder = dup(root);
  size_t start = 0;
  for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', start)) {
    Result<int> next = OpenFolderAt(folder, path.substr(start, slash - start), out_dir + "/" + path.substr(0, slash));
    close(folder);
    if (!next.ok()) return next.status();
    folder = *next;
    start = slash + 1;
  }
  const std::string shown = out_dir + "/" + path;
  const int fd = openat(folder, path.substr(start).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  const int open_error = errno;
  close(folder);
  if (fd < 0 && open_error == EEXIST) return Status::Conflict(shown + " already exists; nothing is overwritten");
  if (fd < 0) return Status::FailedPrecondition("cannot create " + shown + ": " + std::strerror(open_error));
  Status status = WriteAll(fd, content, shown);
  if (close(fd) != 0 && status.ok()) status = Status::FailedPrecondition("cannot close " + shown);
  return status;
}

}  // namespace

Status WriteBundleEntries(std::string_view bundle, const privacy::SecretKey& organization_secret_key,
                          const std::optional<privacy::SigningPublicKey>& signer, const std::string& out_dir) {
  if (mkdir(out_dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::FailedPrecondition("cannot create folder " + out_dir + ": " + ErrnoText());
  }
  const int root = open(out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) return Status::FailedPrecondition("cannot open folder " + out_dir + ": " + ErrnoText());
  Status written = Status::Ok();
  auto write_entry = [&](const bundles::ManifestEntry& entry, std::string_view content) {
    if (written.ok()) written = WriteEntry(root, out_dir, entry.path, content);
  };
  Result<bundles::BundleCheck> check = bundles::CheckBundle(bundle, organization_secret_key, signer, write_entry);
  close(root);
  if (!check.ok()) return check.status();
  PB_RETURN_IF_ERROR(written);
  if (!check->intact()) return Status::DataLoss("the bundle changed while it was being opened: " + check->problems[0]);
  return Status::Ok();
}

}  // namespace pillarbox::app
