// Key slots for SecretKey, carved out of large sodium_malloc'd regions.
//
// sodium_malloc per key costs an mmap, two mprotects and an munmap, and each
// of those flushes the TLB of every core running the process: measured at
// about 9% of the service's CPU under load (docs/BENCHMARKS.md). Here one
// region holds kKeySlotsPerRegion keys: the region is mlock'd (never swapped)
// and fenced by guard pages, each slot is wiped when released, and regions
// are kept for reuse (bounded by the peak number of live keys). What is given
// up: no guard page between two keys of the same region.
// Internal to privacy/. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pillarbox::privacy::internal {

inline constexpr size_t kKeySlotsPerRegion = 4096;

// A kKeyBytes slot in locked memory. Ends the process when no memory can be
// locked for it, since no key can be protected then.
uint8_t* AllocateKeySlot();

// Wipes `slot` and makes it available again. Accepts nullptr.
void ReleaseKeySlot(uint8_t* slot);

// Regions allocated so far (for tests).
size_t KeyRegionCount();

}  // namespace pillarbox::privacy::internal
