// Secrets passed in files (declared in app/secret_text_file.h).
#include "app/secret_text_file.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace pillarbox::app {
namespace {

constexpr off_t kMaxSecretBytes = 4096;

}  // namespace

Result<std::string> ReadSecretTextFile(const std::string& path, const std::string& what) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return Status::NotFound(what + " " + path + " does not exist");
  if (!S_ISREG(info.st_mode)) return Status::FailedPrecondition(what + " " + path + " is not a regular file");
  if ((info.st_mode & 077) != 0) {
    return Status::FailedPrecondition(what + " " + path + " must have mode 0600; run: chmod 600 " + path);
  }
  if (info.st_size > kMaxSecretBytes) return Status::InvalidArgument(what + " " + path + " is larger than 4096 bytes");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable("cannot read " + what + " " + path);
  std::ostringstream content;
  content << in.rdbuf();
  std::string secret = content.str();
  if (!secret.empty() && secret.back() == '\n') secret.pop_back();
  if (secret.empty()) return Status::InvalidArgument(what + " " + path + " is empty");
  return secret;
}

}  // namespace pillarbox::app
