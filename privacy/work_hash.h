// The hash of proof-of-work puzzles (intake/proof_of_work.h): plain BLAKE2b-256,
// which any client library can compute. Thread-safe.
#pragma once

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kWorkHashBytes = 32;

// BLAKE2b-256 (unkeyed crypto_generichash) of `first` followed by `second`,
// i.e. of their concatenation. Never fails.
Bytes Blake2b256(ByteView first, ByteView second);

// How many leading zero bits `digest` has (its first byte's high bit first);
// 8 * digest.size() when every bit is zero.
int LeadingZeroBits(ByteView digest);

}  // namespace pillarbox::privacy
