// Shared helpers of the privacy library (declared in privacy/internal.h).
#include "privacy/internal.h"

#include <sodium.h>

#include <cstdlib>

namespace pillarbox::privacy::internal {

void EnsureSodiumInitialized() {
  static const int result = sodium_init();  // Function-local static: runs once, thread-safe.
  if (result < 0) std::abort();
}

void Wipe(std::span<uint8_t> buffer) { sodium_memzero(buffer.data(), buffer.size()); }

SecretKey TakeKey(KeyBuffer& buffer) {
  Result<SecretKey> key = SecretKey::FromBytes(buffer);
  Wipe(buffer);
  return std::move(key).value();  // FromBytes cannot fail for a buffer of kKeyBytes.
}

const uint8_t* KeyData(const SecretKey& key) {
  if (key.bytes().size() != kKeyBytes) std::abort();
  return key.bytes().data();
}

}  // namespace pillarbox::privacy::internal
