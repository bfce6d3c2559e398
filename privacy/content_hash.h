// Unkeyed BLAKE2b-256 of content given in pieces (crypto_generichash): the
// hash a bundle manifest lists for each entry, so anyone holding the
// plaintext can recompute it. Move-only; thread-compatible.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kContentHashBytes = 32;
using ContentHash = std::array<uint8_t, kContentHashBytes>;

class ContentHasher {
 public:
  ContentHasher();
  ContentHasher(ContentHasher&&) noexcept;
  ContentHasher& operator=(ContentHasher&&) noexcept;
  ~ContentHasher();

  // Adds the next piece of content.
  void Update(ByteView piece);
  // The hash of every piece added so far; the hasher must not be used after.
  ContentHash Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// BLAKE2b-256 of `content` in one call.
ContentHash HashContent(ByteView content);

}  // namespace pillarbox::privacy
