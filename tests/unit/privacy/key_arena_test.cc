#include "privacy/key_arena.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "privacy/bytes.h"

namespace pillarbox::privacy::internal {
namespace {

TEST(KeyArenaTest, ReleasedSlotIsWipedBeforeReuse) {
  uint8_t* slot = AllocateKeySlot();
  std::fill(slot, slot + kKeyBytes, 0xAA);
  ReleaseKeySlot(slot);
  uint8_t* again = AllocateKeySlot();
  ASSERT_EQ(again, slot) << "the free list is LIFO, so the same slot comes back";
  EXPECT_TRUE(std::all_of(again, again + kKeyBytes, [](uint8_t b) { return b == 0; }));
  ReleaseKeySlot(again);
}

TEST(KeyArenaTest, LiveSlotsAreDistinctAndRegionsGrowOnlyWhenFull) {
  const size_t regions_before = KeyRegionCount();
  std::vector<uint8_t*> slots;
  for (size_t i = 0; i < kKeySlotsPerRegion + 10; ++i) slots.push_back(AllocateKeySlot());
  EXPECT_EQ(std::set<uint8_t*>(slots.begin(), slots.end()).size(), slots.size());
  EXPECT_LE(KeyRegionCount(), regions_before + 2);
  for (uint8_t* slot : slots) ReleaseKeySlot(slot);
  const size_t regions_after = KeyRegionCount();
  for (size_t i = 0; i < kKeySlotsPerRegion; ++i) slots[i] = AllocateKeySlot();
  EXPECT_EQ(KeyRegionCount(), regions_after) << "released slots are reused";
  for (size_t i = 0; i < kKeySlotsPerRegion; ++i) ReleaseKeySlot(slots[i]);
}

TEST(KeyArenaTest, SecretKeysUseArenaSlotsAndWipeThemOnDestruction) {
  const uint8_t* address = nullptr;
  {
    SecretKey key = SecretKey::Random();
    address = key.bytes().data();
    EXPECT_FALSE(std::all_of(address, address + kKeyBytes, [](uint8_t b) { return b == 0; }));
  }
  EXPECT_TRUE(std::all_of(address, address + kKeyBytes, [](uint8_t b) { return b == 0; }));
}

}  // namespace
}  // namespace pillarbox::privacy::internal
