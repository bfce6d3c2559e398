// Keyed BLAKE2b-256 (declared in privacy/keyed_hash.h).
#include "privacy/keyed_hash.h"

#include <sodium.h>

#include "privacy/internal.h"

namespace pillarbox::privacy {

Bytes KeyedBlake2b256(const SecretKey& key, ByteView message) {
  static_assert(kKeyedHashBytes >= crypto_generichash_BYTES_MIN && kKeyedHashBytes <= crypto_generichash_BYTES_MAX);
  Bytes digest(kKeyedHashBytes);
  crypto_generichash(digest.data(), digest.size(), message.data(), message.size(), internal::KeyData(key), kKeyBytes);
  return digest;
}

bool DigestsEqual(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace pillarbox::privacy
