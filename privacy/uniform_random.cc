// UniformBelow (declared in privacy/uniform_random.h).
#include "privacy/uniform_random.h"

#include <sodium.h>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

uint64_t Random64() {
  uint64_t value = 0;
  randombytes_buf(&value, sizeof value);
  return value;
}

}  // namespace

uint64_t UniformBelow(uint64_t bound) {
  internal::EnsureSodiumInitialized();
  if (bound <= 1) return 0;
  constexpr uint64_t kTwoTo32 = uint64_t{1} << 32;
  if (bound < kTwoTo32) return randombytes_uniform(static_cast<uint32_t>(bound));
  if (bound == kTwoTo32) return randombytes_random();
  // 2^64 mod bound, computed without 128-bit arithmetic: (2^64 - bound) mod bound.
  const uint64_t rejected_below = (0 - bound) % bound;
  for (;;) {
    const uint64_t value = Random64();
    if (value >= rejected_below) return value % bound;
  }
}

}  // namespace pillarbox::privacy
