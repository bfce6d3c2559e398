// Wiping plaintext from memory once it is no longer needed (file contents
// while an upload is staged, decrypted evidence before it is sent). Uses
// sodium_memzero, which the compiler cannot elide. Thread-compatible.
#pragma once

#include <cstdint>
#include <span>
#include <utility>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

// Overwrites `buffer` with zeros in a way the compiler does not elide.
void Wipe(std::span<uint8_t> buffer);

// Bytes that are wiped when destroyed or assigned over: the holder of a
// plaintext buffer. Move-only; moving hands the buffer over without copying
// (the moved-from object is empty). Do not grow bytes() past its capacity:
// a reallocation leaves the old buffer unwiped. Thread-compatible.
class SensitiveBytes {
 public:
  SensitiveBytes() = default;
  // Takes `bytes` over (no copy).
  explicit SensitiveBytes(Bytes bytes) : bytes_(std::move(bytes)) {}
  SensitiveBytes(SensitiveBytes&& other) noexcept : bytes_(std::exchange(other.bytes_, {})) {}
  SensitiveBytes& operator=(SensitiveBytes&& other) noexcept {
    if (this != &other) {
      Wipe(bytes_);
      bytes_ = std::exchange(other.bytes_, {});
    }
    return *this;
  }
  SensitiveBytes(const SensitiveBytes&) = delete;
  SensitiveBytes& operator=(const SensitiveBytes&) = delete;
  ~SensitiveBytes() { Wipe(bytes_); }

  Bytes& bytes() { return bytes_; }
  const Bytes& bytes() const { return bytes_; }
  ByteView view() const { return bytes_; }
  size_t size() const { return bytes_.size(); }

 private:
  Bytes bytes_;
};

}  // namespace pillarbox::privacy
