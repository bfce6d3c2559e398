// Secrets passed in files (declared in app/secret_text_file.h).
#include "app/secret_text_file.h"

#include <sys/stat.h>

#include <fstream>

namespace pillarbox::app {

Result<std::string> ReadSecretTextFile(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return Status::NotFound(path + " does not exist");
  if ((info.st_mode & 077) != 0) {
    return Status::FailedPrecondition(path + " may be read by others; run: chmod 600 " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable("cannot read " + path);
  std::string line;
  std::getline(in, line);
  if (line.size() > 4096) return Status::FailedPrecondition(path + " is too long for a secret");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) return Status::FailedPrecondition(path + " is empty");
  return line;
}

}  // namespace pillarbox::app
