// Keyed BLAKE2b-256: a message authentication code for data that must not be
// recomputable by someone who holds the data but not the key (the audit log's
// chain). Thread-safe.
#pragma once

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kKeyedHashBytes = 32;

// BLAKE2b with `key` (all kKeyBytes of it) over `message`, 32-byte output
// (crypto_generichash). Deterministic: the same key and message always give
// the same digest; without the key no digest can be computed or checked.
// Ends the process if `key` is empty (moved from).
Bytes KeyedBlake2b256(const SecretKey& key, ByteView message);

// True when `a` and `b` have the same length and bytes. The comparison of
// equal-length inputs takes the same time whatever their content
// (sodium_memcmp), so it is safe for comparing digests.
bool DigestsEqual(ByteView a, ByteView b);

}  // namespace pillarbox::privacy
