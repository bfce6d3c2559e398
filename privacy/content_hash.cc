// Unkeyed BLAKE2b-256 (declared in privacy/content_hash.h).
#include "privacy/content_hash.h"

#include <sodium.h>

#include <cstdlib>

#include "privacy/internal.h"

namespace pillarbox::privacy {

struct ContentHasher::State {
  crypto_generichash_state sodium{};
};

ContentHasher::ContentHasher() : state_(std::make_unique<State>()) {
  internal::EnsureSodiumInitialized();
  if (crypto_generichash_init(&state_->sodium, nullptr, 0, kContentHashBytes) != 0) std::abort();
}

ContentHasher::ContentHasher(ContentHasher&&) noexcept = default;
ContentHasher& ContentHasher::operator=(ContentHasher&&) noexcept = default;
ContentHasher::~ContentHasher() = default;

void ContentHasher::Update(ByteView piece) {
  if (state_ == nullptr) std::abort();
  crypto_generichash_update(&state_->sodium, piece.data(), piece.size());
}

ContentHash ContentHasher::Finish() {
  if (state_ == nullptr) std::abort();
  ContentHash hash{};
  crypto_generichash_final(&state_->sodium, hash.data(), hash.size());
  state_.reset();
  return hash;
}

ContentHash HashContent(ByteView content) {
  ContentHasher hasher;
  hasher.Update(content);
  return hasher.Finish();
}

}  // namespace pillarbox::privacy
