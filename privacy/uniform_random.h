// Uniform random integers below a 64-bit bound from the system CSPRNG
// (libsodium). The statistics part wraps this in its UniformSource
// (stats/sodium_uniform_source.h): privacy/ cannot see stats/ because
// dependencies point from stats to privacy.
#pragma once

#include <cstdint>

namespace pillarbox::privacy {

// A uniform integer in [0, bound), exactly (no modulo bias): bounds up to
// 2^32 use randombytes_uniform; larger bounds draw 64 random bits and reject
// the values below 2^64 mod bound, so every residue is equally likely.
// Precondition: bound >= 1 (bound 0 returns 0). Thread-safe.
uint64_t UniformBelow(uint64_t bound);

}  // namespace pillarbox::privacy
