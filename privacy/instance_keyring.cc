// The instance secret file (declared in privacy/instance_keyring.h).
#include "privacy/instance_keyring.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <set>
#include <string_view>

#include "common/folder_sync.h"
#include "privacy/instance_secret.h"
#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

constexpr size_t kHexDigits = kKeyBytes * 2;
// Room for a header and a few hundred entries; one more byte to notice more.
constexpr size_t kReadLimit = 32 * 1024;
constexpr std::string_view kHeader = "pillarbox-keyring 1";

std::string ErrnoText(int error) { return std::strerror(error); }

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

// Reads at most kReadLimit bytes of the opened file into `content`; false on a read error.
bool ReadAll(int fd, std::string& content) {
  content.assign(kReadLimit, '\0');
  size_t total = 0;
  while (total < content.size()) {
    const ssize_t got = read(fd, content.data() + total, content.size() - total);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;
    if (got == 0) break;
    total += static_cast<size_t>(got);
  }
  content.resize(total);
  return true;
}

// Writes all of `content` to `fd` and fsyncs it.
Status WriteAndSync(int fd, const std::string& content, const std::string& path) {
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t written = write(fd, content.data() + done, content.size() - done);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return Status::Unavailable("cannot write instance secret " + path + ": " + ErrnoText(errno));
    done += static_cast<size_t>(written);
  }
  if (fsync(fd) != 0) return Status::Unavailable("cannot fsync instance secret " + path + ": " + ErrnoText(errno));
  return Status::Ok();
}

// Wipes a string that held key material.
void WipeText(std::string& text) {
  sodium_memzero(text.data(), text.size());
  text.clear();
}

std::string HexOf(const SecretKey& key) {
  std::array<char, kHexDigits + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), internal::KeyData(key), kKeyBytes);
  std::string text(hex.data(), kHexDigits);
  sodium_memzero(hex.data(), hex.size());
  return text;
}

Result<SecretKey> KeyOfHex(std::string_view hex) {
  internal::KeyBuffer key{};
  size_t decoded = 0;
  const char* end = nullptr;
  if (hex.size() != kHexDigits ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &decoded, &end) != 0 ||
      decoded != key.size() || end != hex.data() + hex.size()) {
    internal::Wipe(key);
    return Status::DataLoss("expected 64 hex digits");
  }
  return internal::TakeKey(key);
}

Result<uint32_t> VersionOf(std::string_view text) {
  uint32_t version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc() || end != text.data() + text.size() || version < 1 || version > 0x7FFFFFFF ||
      text.front() == '0') {
    return Status::DataLoss("expected a version from 1");
  }
  return version;
}

// One "<word> <version> <hex>" line.
struct KeyringLine {
  std::string_view word;
  uint32_t version = 0;
  SecretKey key;
};

Result<KeyringLine> ParseLine(std::string_view line) {
  const size_t first = line.find(' ');
  const size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos) return Status::DataLoss("expected \"<word> <version> <64 hex digits>\"");
  PB_ASSIGN_OR_RETURN(const uint32_t version, VersionOf(line.substr(first + 1, second - first - 1)));
  PB_ASSIGN_OR_RETURN(SecretKey key, KeyOfHex(line.substr(second + 1)));
  return KeyringLine{line.substr(0, first), version, std::move(key)};
}

Status Malformed(size_t line_number, const std::string& why) {
  return Status::DataLoss("instance keyring line " + std::to_string(line_number) + " is malformed: " + why);
}

}  // namespace

InstanceKeyring InstanceKeyring::Fresh() { return OfMaster(SecretKey::Random()); }

InstanceKeyring InstanceKeyring::OfMaster(SecretKey master) {
  return InstanceKeyring(VersionedKey{1, std::move(master)}, std::nullopt, {});
}

std::string InstanceKeyring::Format() const {
  if (master_.version == 1 && !retiring_.has_value() && peppers_.empty()) return HexOf(master_.key) + "\n";
  std::string text = std::string(kHeader) + "\n";
  const auto line = [&text](const char* word, const VersionedKey& entry) {
    std::string hex = HexOf(entry.key);
    text += std::string(word) + " " + std::to_string(entry.version) + " " + hex + "\n";
    WipeText(hex);
  };
  line("master", master_);
  if (retiring_.has_value()) line("retiring", *retiring_);
  for (const VersionedKey& pepper : peppers_) line("pepper", pepper);
  return text;
}

Result<InstanceKeyring> InstanceKeyring::Parse(std::string_view content) {
  if (content.size() == kHexDigits || (content.size() == kHexDigits + 1 && content.back() == '\n')) {
    Result<SecretKey> master = KeyOfHex(content.substr(0, kHexDigits));
    if (!master.ok()) return Status::DataLoss("instance secret is malformed: expected 64 hex digits and a newline");
    return OfMaster(std::move(master).value());
  }
  if (content.substr(0, kHeader.size() + 1) != std::string(kHeader) + "\n") {
    return Status::DataLoss(
        "instance secret is malformed: expected 64 hex digits and a newline, or a \"pillarbox-keyring 1\" file");
  }
  std::optional<VersionedKey> master;
  std::optional<VersionedKey> retiring;
  std::vector<VersionedKey> peppers;
  std::set<uint32_t> versions;
  size_t line_number = 1;
  for (size_t at = kHeader.size() + 1; at < content.size();) {
    ++line_number;
    const size_t newline = content.find('\n', at);
    if (newline == std::string_view::npos) return Malformed(line_number, "it does not end with a newline");
    Result<KeyringLine> line = ParseLine(content.substr(at, newline - at));
    at = newline + 1;
    if (!line.ok()) return Malformed(line_number, line.status().message());
    if (line->word == "master" && !master.has_value()) {
      master = VersionedKey{line->version, std::move(line->key)};
    } else if (line->word == "retiring" && !retiring.has_value()) {
      retiring = VersionedKey{line->version, std::move(line->key)};
    } else if (line->word == "pepper") {
      peppers.push_back({line->version, std::move(line->key)});
    } else {
      return Malformed(line_number, "unknown or repeated entry");
    }
    if (!versions.insert(line->version).second) return Malformed(line_number, "a version appears twice");
  }
  if (!master.has_value()) return Status::DataLoss("instance keyring has no master entry");
  if (retiring.has_value() && retiring->version >= master->version) {
    return Status::DataLoss("instance keyring's retiring version is not older than its master");
  }
  for (const VersionedKey& pepper : peppers) {
    if (pepper.version >= master->version) return Status::DataLoss("instance keyring has a pepper newer than its master");
  }
  std::sort(peppers.begin(), peppers.end(),
            [](const VersionedKey& a, const VersionedKey& b) { return a.version > b.version; });
  return InstanceKeyring(std::move(*master), std::move(retiring), std::move(peppers));
}

Status InstanceKeyring::WriteNewFile(const std::string& path) const {
  internal::EnsureSodiumInitialized();
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 && errno == EEXIST) return Status::Conflict("instance secret " + path + " already exists");
  if (fd < 0) return Status::FailedPrecondition("cannot create instance secret " + path + ": " + ErrnoText(errno));
  std::string content = Format();
  Status status = fchmod(fd, 0600) == 0 ? WriteAndSync(fd, content, path)
                                         : Status::Unavailable("cannot set the mode of instance secret " + path);
  WipeText(content);
  if (close(fd) != 0 && status.ok()) status = Status::Unavailable("cannot close instance secret " + path);
  if (!status.ok()) unlink(path.c_str());
  return status;
}

Status InstanceKeyring::Create(const std::string& path) const {
  PB_RETURN_IF_ERROR(WriteNewFile(path));
  return SyncFolder(FolderOf(path));
}

Status InstanceKeyring::Replace(const std::string& path) const {
  const std::string temporary = path + ".rotating";
  unlink(temporary.c_str());  // left by a crash before the rename
  PB_RETURN_IF_ERROR(WriteNewFile(temporary));
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    const Status failed =
        Status::Unavailable("cannot rename " + temporary + " to " + path + ": " + ErrnoText(errno));
    unlink(temporary.c_str());
    return failed;
  }
  return SyncFolder(FolderOf(path));
}

Result<InstanceKeyring> InstanceKeyring::Read(const std::string& path) {
  PB_RETURN_IF_ERROR(StatSecretFile(path));
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return Status::FailedPrecondition("cannot open instance secret " + path + ": " + ErrnoText(errno));
  struct stat info {};
  Status status = fstat(fd, &info) == 0 ? CheckSecretFileMode(path, info)
                                         : Status::FailedPrecondition("cannot stat instance secret " + path);
  std::string content;
  if (status.ok() && !ReadAll(fd, content)) status = Status::Unavailable("cannot read instance secret " + path);
  close(fd);
  if (status.ok() && content.size() >= kReadLimit) status = Status::DataLoss("instance secret " + path + " is too large");
  if (!status.ok()) {
    WipeText(content);
    return status;
  }
  Result<InstanceKeyring> keyring = Parse(content);
  WipeText(content);
  if (!keyring.ok()) return Status::DataLoss(path + ": " + keyring.status().message());
  return keyring;
}

Result<InstanceKeyring> InstanceKeyring::BeginRotation() const {
  if (retiring_.has_value()) {
    return Status::FailedPrecondition("a master key rotation is already under way (the keyring has a retiring key)");
  }
  std::vector<VersionedKey> peppers;
  for (const VersionedKey& pepper : peppers_) peppers.push_back({pepper.version, pepper.key.Clone()});
  return InstanceKeyring(VersionedKey{master_.version + 1, SecretKey::Random()},
                         VersionedKey{master_.version, master_.key.Clone()}, std::move(peppers));
}

Result<InstanceKeyring> InstanceKeyring::FinishRotation() const {
  if (!retiring_.has_value()) return Status::FailedPrecondition("no master key rotation is under way");
  std::vector<VersionedKey> peppers;
  peppers.push_back({retiring_->version, DeriveReceiptPepper(retiring_->key)});
  for (const VersionedKey& pepper : peppers_) peppers.push_back({pepper.version, pepper.key.Clone()});
  return InstanceKeyring(VersionedKey{master_.version, master_.key.Clone()}, std::nullopt, std::move(peppers));
}

}  // namespace pillarbox::privacy
