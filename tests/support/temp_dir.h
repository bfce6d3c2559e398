// TempDir: a fresh directory under $TMPDIR (or /tmp), removed with its
// contents when the object is destroyed. For tests only.
#pragma once

#include <string>

namespace pillarbox::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The whole content of `path` ("" if it cannot be read).
std::string ReadFileBytes(const std::string& path);

}  // namespace pillarbox::testing
