// A read-only memory map of a whole file, so a large bundle is checked
// without copying it onto the heap. Move-only; thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::app {

class MappedFile {
 public:
  // Maps `path`. NotFound when it does not exist; FailedPrecondition when it
  // is not a regular file or cannot be opened or mapped.
  static Result<MappedFile> Open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // The file's bytes; valid while this object lives.
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace pillarbox::app
