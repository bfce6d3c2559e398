// BLAKE2b-256 for proof-of-work (declared in privacy/work_hash.h).
#include "privacy/work_hash.h"

#include <sodium.h>

#include <bit>

namespace pillarbox::privacy {

Bytes Blake2b256(ByteView first, ByteView second) {
  static_assert(kWorkHashBytes >= crypto_generichash_BYTES_MIN && kWorkHashBytes <= crypto_generichash_BYTES_MAX);
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kWorkHashBytes);
  crypto_generichash_update(&state, first.data(), first.size());
  crypto_generichash_update(&state, second.data(), second.size());
  Bytes digest(kWorkHashBytes);
  crypto_generichash_final(&state, digest.data(), digest.size());
  return digest;
}

int LeadingZeroBits(ByteView digest) {
  int bits = 0;
  for (const uint8_t byte : digest) {
    if (byte != 0) return bits + std::countl_zero(byte);
    bits += 8;
  }
  return bits;
}

}  // namespace pillarbox::privacy
