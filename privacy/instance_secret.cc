// The instance secret file and its derived keys (declared in privacy/instance_secret.h).
#include "privacy/instance_secret.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

constexpr size_t kHexDigits = kKeyBytes * 2;
// 64 hex digits and a newline; one more byte to notice trailing content.
constexpr size_t kReadLimit = kHexDigits + 2;

SecretKey DeriveSubkey(const SecretKey& master_key, uint64_t id, const char (&context)[crypto_kdf_CONTEXTBYTES + 1]) {
  internal::KeyBuffer subkey;
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), id, context, internal::KeyData(master_key));
  return internal::TakeKey(subkey);
}

std::string ErrnoText(int error) { return std::strerror(error); }

std::string ParentDirectory(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status SyncDirectory(const std::string& directory) {
  int fd = open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Unavailable("cannot open " + directory + ": " + ErrnoText(errno));
  int result = fsync(fd);
  int error = errno;
  close(fd);
  if (result != 0) return Status::Unavailable("cannot fsync " + directory + ": " + ErrnoText(error));
  return Status::Ok();
}

// Writes a fresh key as hex to `fd`, then fsyncs it. The hex buffer is wiped.
Status WriteFreshKey(int fd, const std::string& path) {
  internal::KeyBuffer key;
  randombytes_buf(key.data(), key.size());
  std::array<char, kHexDigits + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  internal::Wipe(key);
  hex[kHexDigits] = '\n';
  ssize_t written = write(fd, hex.data(), hex.size());
  int error = errno;
  sodium_memzero(hex.data(), hex.size());
  if (written != static_cast<ssize_t>(hex.size())) {
    return Status::Unavailable("cannot write instance secret " + path + ": " + ErrnoText(written < 0 ? error : EIO));
  }
  if (fsync(fd) != 0) return Status::Unavailable("cannot fsync instance secret " + path + ": " + ErrnoText(errno));
  return Status::Ok();
}

// FailedPrecondition unless `info` describes a regular file that only its owner may access.
Status CheckSecretFileMode(const std::string& path, const struct stat& info) {
  if (!S_ISREG(info.st_mode)) return Status::FailedPrecondition("instance secret " + path + " is not a regular file");
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return Status::FailedPrecondition("instance secret " + path + " must have mode 0600 (has " + mode +
                                      "); run: chmod 600 " + path);
  }
  return Status::Ok();
}

Status StatSecretFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return Status::NotFound("instance secret " + path + " does not exist");
    return Status::FailedPrecondition("cannot stat instance secret " + path + ": " + ErrnoText(errno));
  }
  return CheckSecretFileMode(path, info);
}

// Decodes "<64 hex digits>" with an optional final newline into `key`.
Status DecodeSecret(std::span<const char> content, const std::string& path, internal::KeyBuffer& key) {
  size_t size = content.size();
  if (size == kHexDigits + 1 && content[kHexDigits] == '\n') size = kHexDigits;
  size_t decoded = 0;
  const char* end = nullptr;
  if (size != kHexDigits ||
      sodium_hex2bin(key.data(), key.size(), content.data(), size, nullptr, &decoded, &end) != 0 ||
      decoded != key.size() || end != content.data() + size) {
    internal::Wipe(key);
    return Status::DataLoss("instance secret " + path + " is malformed: expected 64 hex digits and a newline");
  }
  return Status::Ok();
}

// Reads at most kReadLimit bytes of the opened file into `content`; returns the count or -1.
ssize_t ReadAll(int fd, std::array<char, kReadLimit>& content) {
  size_t total = 0;
  while (total < content.size()) {
    ssize_t got = read(fd, content.data() + total, content.size() - total);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0) break;
    total += static_cast<size_t>(got);
  }
  return static_cast<ssize_t>(total);
}

// Opens `path`, re-checks the opened file's mode, and decodes the master key into `key`.
Status ReadMasterKey(const std::string& path, internal::KeyBuffer& key) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return Status::FailedPrecondition("cannot open instance secret " + path + ": " + ErrnoText(errno));
  struct stat info {};
  Status status = fstat(fd, &info) == 0 ? CheckSecretFileMode(path, info)
                                         : Status::FailedPrecondition("cannot stat instance secret " + path);
  std::array<char, kReadLimit> content{};
  ssize_t size = status.ok() ? ReadAll(fd, content) : 0;
  close(fd);
  if (status.ok() && size < 0) status = Status::Unavailable("cannot read instance secret " + path);
  if (status.ok()) status = DecodeSecret(std::span<const char>(content.data(), static_cast<size_t>(size)), path, key);
  sodium_memzero(content.data(), content.size());
  return status;
}

}  // namespace

InstanceKeys InstanceKeys::Derive(const SecretKey& master_key) {
  return InstanceKeys(DeriveSubkey(master_key, 1, "pbxindex"), DeriveSubkey(master_key, 2, "pbxrecpt"),
                      DeriveSubkey(master_key, 3, "pbxsignk"), DeriveSubkey(master_key, 4, "pbxaudit"),
                      DeriveSubkey(master_key, 5, "pbxbckup"));
}

Status InstanceKeys::CreateFile(const std::string& path) {
  internal::EnsureSodiumInitialized();
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 && errno == EEXIST) return Status::Conflict("instance secret " + path + " already exists");
  if (fd < 0) return Status::FailedPrecondition("cannot create instance secret " + path + ": " + ErrnoText(errno));
  Status status = fchmod(fd, 0600) == 0 ? WriteFreshKey(fd, path)
                                         : Status::Unavailable("cannot set the mode of instance secret " + path);
  if (close(fd) != 0 && status.ok()) status = Status::Unavailable("cannot close instance secret " + path);
  if (!status.ok()) {
    unlink(path.c_str());
    return status;
  }
  return SyncDirectory(ParentDirectory(path));
}

Result<InstanceKeys> InstanceKeys::LoadFile(const std::string& path) {
  PB_RETURN_IF_ERROR(StatSecretFile(path));
  internal::KeyBuffer key{};
  PB_RETURN_IF_ERROR(ReadMasterKey(path, key));
  SecretKey master_key = internal::TakeKey(key);
  return Derive(master_key);
}

}  // namespace pillarbox::privacy
