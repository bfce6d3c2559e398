// Organization key files (declared in privacy/organization_key.h).
#include "privacy/organization_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

constexpr size_t kLabelBytes = sizeof kOrganizationKeyLabel - 1;
constexpr size_t kHexDigits = kKeyBytes * 2;
constexpr size_t kFileBytes = kLabelBytes + 1 + kHexDigits + 1;

std::string ErrnoText(int error) { return std::strerror(error); }

// Writes the label and `secret` as hex to `fd` and fsyncs; the buffer is wiped.
Status WriteKey(int fd, const std::string& path, const SecretKey& secret) {
  std::array<char, kFileBytes + 1> content{};
  std::memcpy(content.data(), kOrganizationKeyLabel, kLabelBytes);
  content[kLabelBytes] = '\n';
  sodium_bin2hex(content.data() + kLabelBytes + 1, kHexDigits + 1, internal::KeyData(secret), kKeyBytes);
  content[kFileBytes - 1] = '\n';
  const ssize_t written = write(fd, content.data(), kFileBytes);
  const int error = errno;
  sodium_memzero(content.data(), content.size());
  if (written != static_cast<ssize_t>(kFileBytes)) {
    return Status::Unavailable("cannot write organization key " + path + ": " + ErrnoText(written < 0 ? error : EIO));
  }
  if (fsync(fd) != 0) return Status::Unavailable("cannot fsync organization key " + path + ": " + ErrnoText(errno));
  return Status::Ok();
}

Status CheckMode(const std::string& path, const struct stat& info) {
  if (!S_ISREG(info.st_mode)) return Status::FailedPrecondition("organization key " + path + " is not a regular file");
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return Status::FailedPrecondition("organization key " + path + " must have mode 0600 (has " + mode +
                                      "); run: chmod 600 " + path);
  }
  return Status::Ok();
}

// Reads up to one byte more than a well-formed file into `content`; returns the count or -1.
ssize_t ReadAll(int fd, std::array<char, kFileBytes + 1>& content) {
  size_t total = 0;
  while (total < content.size()) {
    const ssize_t got = read(fd, content.data() + total, content.size() - total);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0) break;
    total += static_cast<size_t>(got);
  }
  return static_cast<ssize_t>(total);
}

// Decodes the label line and the hex line of `content` into `key`.
Status Decode(std::string_view content, const std::string& path, internal::KeyBuffer& key) {
  const Status malformed = Status::DataLoss("organization key " + path + " is malformed: expected the line " +
                                            kOrganizationKeyLabel + " and a line of 64 hex digits");
  if (content.size() != kFileBytes || content.substr(0, kLabelBytes) != kOrganizationKeyLabel ||
      content[kLabelBytes] != '\n' || content.back() != '\n') {
    return malformed;
  }
  size_t decoded = 0;
  const char* end = nullptr;
  const char* hex = content.data() + kLabelBytes + 1;
  if (sodium_hex2bin(key.data(), key.size(), hex, kHexDigits, nullptr, &decoded, &end) != 0 || decoded != key.size() ||
      end != hex + kHexDigits) {
    internal::Wipe(key);
    return malformed;
  }
  return Status::Ok();
}

Status ReadSecret(const std::string& path, internal::KeyBuffer& key) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0 && errno == ENOENT) return Status::NotFound("organization key " + path + " does not exist");
  if (fd < 0) return Status::FailedPrecondition("cannot open organization key " + path + ": " + ErrnoText(errno));
  struct stat info {};
  Status status = fstat(fd, &info) == 0 ? CheckMode(path, info)
                                        : Status::FailedPrecondition("cannot stat organization key " + path);
  std::array<char, kFileBytes + 1> content{};
  const ssize_t size = status.ok() ? ReadAll(fd, content) : 0;
  close(fd);
  if (status.ok() && size < 0) status = Status::Unavailable("cannot read organization key " + path);
  if (status.ok()) status = Decode(std::string_view(content.data(), static_cast<size_t>(size)), path, key);
  sodium_memzero(content.data(), content.size());
  return status;
}

}  // namespace

Result<BoxPublicKey> CreateOrganizationKeyFile(const std::string& path) {
  BoxKeyPair pair = BoxKeyPair::Generate();
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 && errno == EEXIST) return Status::Conflict("organization key " + path + " already exists");
  if (fd < 0) return Status::FailedPrecondition("cannot create organization key " + path + ": " + ErrnoText(errno));
  Status status = fchmod(fd, 0600) == 0 ? WriteKey(fd, path, pair.secret_key)
                                        : Status::Unavailable("cannot set the mode of organization key " + path);
  if (close(fd) != 0 && status.ok()) status = Status::Unavailable("cannot close organization key " + path);
  if (!status.ok()) {
    unlink(path.c_str());
    return status;
  }
  return pair.public_key;
}

Result<BoxKeyPair> LoadOrganizationKeyFile(const std::string& path) {
  internal::EnsureSodiumInitialized();
  internal::KeyBuffer key{};
  PB_RETURN_IF_ERROR(ReadSecret(path, key));
  return BoxKeyPair::FromSecretKey(internal::TakeKey(key));
}

}  // namespace pillarbox::privacy
