#include "privacy/key_arena.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>
#include <vector>

#include "privacy/bytes.h"
#include "privacy/internal.h"

namespace pillarbox::privacy::internal {
namespace {

struct Arena {
  std::mutex mutex;
  std::vector<uint8_t*> free_slots;
  size_t regions = 0;
};

Arena& TheArena() {
  static Arena* arena = new Arena();  // Never destroyed: keys may outlive static destructors.
  return *arena;
}

// Adds one region's slots to the free list. Requires arena.mutex held.
void Grow(Arena& arena) {
  EnsureSodiumInitialized();
  auto* region = static_cast<uint8_t*>(sodium_malloc(kKeySlotsPerRegion * kKeyBytes));
  if (region == nullptr) std::abort();  // Out of lockable memory for keys.
  sodium_memzero(region, kKeySlotsPerRegion * kKeyBytes);
  arena.free_slots.reserve(arena.free_slots.size() + kKeySlotsPerRegion);
  for (size_t i = kKeySlotsPerRegion; i-- > 0;) arena.free_slots.push_back(region + i * kKeyBytes);
  ++arena.regions;
}

}  // namespace

uint8_t* AllocateKeySlot() {
  Arena& arena = TheArena();
  std::lock_guard<std::mutex> lock(arena.mutex);
  if (arena.free_slots.empty()) Grow(arena);
  uint8_t* slot = arena.free_slots.back();
  arena.free_slots.pop_back();
  return slot;
}

void ReleaseKeySlot(uint8_t* slot) {
  if (slot == nullptr) return;
  sodium_memzero(slot, kKeyBytes);
  Arena& arena = TheArena();
  std::lock_guard<std::mutex> lock(arena.mutex);
  arena.free_slots.push_back(slot);
}

size_t KeyRegionCount() {
  Arena& arena = TheArena();
  std::lock_guard<std::mutex> lock(arena.mutex);
  return arena.regions;
}

}  // namespace pillarbox::privacy::internal
