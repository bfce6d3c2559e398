// HexIdTable and ParseHexId (store/hex_id_table.h): strict parsing of 32
// lowercase hex digits, and a table that finds every inserted id (through
// collisions, wrap-around and growth) and no other.
#include "store/hex_id_table.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pillarbox::store {
namespace {

uint64_t SplitMix(uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

TEST(ParseHexIdTest, ParsesBothHalvesInOrder) {
  HexId id;
  ASSERT_TRUE(ParseHexId("0123456789abcdef" "fedcba9876543210", id));
  EXPECT_EQ(id.hi, 0x0123456789abcdefULL);
  EXPECT_EQ(id.lo, 0xfedcba9876543210ULL);
  ASSERT_TRUE(ParseHexId(std::string(32, '0'), id));
  EXPECT_EQ(id, HexId{});
  ASSERT_TRUE(ParseHexId(std::string(32, 'f'), id));
  EXPECT_EQ(id, (HexId{UINT64_MAX, UINT64_MAX}));
}

TEST(ParseHexIdTest, RefusesAnythingButThirtyTwoLowercaseHexDigits) {
  HexId id;
  const std::string good = "0123456789abcdef0123456789abcdef";
  EXPECT_FALSE(ParseHexId("", id));
  EXPECT_FALSE(ParseHexId("rep123", id));
  EXPECT_FALSE(ParseHexId(good.substr(1), id));         // 31 digits
  EXPECT_FALSE(ParseHexId(good + "0", id));             // 33 digits
  for (size_t position : {size_t{0}, size_t{15}, size_t{16}, size_t{31}}) {
    for (char bad : {'A', 'F', 'g', 'G', 'z', '-', ' ', '/', ':', '`', '@', '\0', '\xff'}) {
      std::string text = good;
      text[position] = bad;
      EXPECT_FALSE(ParseHexId(text, id)) << "position " << position << " char " << static_cast<int>(bad);
    }
  }
  // Uppercase is another text, so it must not alias the lowercase id.
  EXPECT_FALSE(ParseHexId("0123456789ABCDEF0123456789abcdef", id));
}

TEST(HexIdTableTest, FindsEveryInsertedIdThroughGrowthAndNoOther) {
  HexIdTable table;  // starts small: grows many times
  const size_t initial = table.Capacity();
  uint64_t state = 1;
  std::vector<HexId> ids;
  for (uint32_t i = 0; i < 100000; ++i) {
    ids.push_back({SplitMix(state), SplitMix(state)});
    ASSERT_TRUE(table.Insert(ids.back(), i));
  }
  EXPECT_EQ(table.Size(), ids.size());
  EXPECT_GT(table.Capacity(), initial);
  EXPECT_GE(table.Capacity(), 2 * table.Size());
  for (uint32_t i = 0; i < ids.size(); ++i) {
    const auto found = table.Find(ids[i]);
    ASSERT_TRUE(found.has_value()) << i;
    EXPECT_EQ(*found, i);
  }
  for (int i = 0; i < 100000; ++i) EXPECT_FALSE(table.Find({SplitMix(state), SplitMix(state)}).has_value());
  // Halves swapped or one half changed are other ids.
  EXPECT_FALSE(table.Find({ids[0].lo, ids[0].hi}).has_value());
  EXPECT_FALSE(table.Find({ids[0].hi, ids[0].lo ^ 1}).has_value());
  EXPECT_FALSE(table.Find({ids[0].hi ^ 1, ids[0].lo}).has_value());
}

TEST(HexIdTableTest, CollidingIdsAreAllFoundAcrossTheWrapAround) {
  HexIdTable table(8);
  const size_t capacity = table.Capacity();
  const size_t last_slot = capacity - 1;
  // Ids whose first slot is the last one: each probes past the previous ones
  // and wraps around to slot 0, 1, ...
  std::vector<HexId> colliding;
  for (uint64_t lo = 0; colliding.size() < capacity / 2; ++lo) {
    const HexId id{42, lo};
    if ((HexIdTable::Hash(id) & (capacity - 1)) == last_slot) colliding.push_back(id);
  }
  for (uint32_t i = 0; i < colliding.size(); ++i) ASSERT_TRUE(table.Insert(colliding[i], i));
  EXPECT_EQ(table.Capacity(), capacity);  // exactly half full: no growth yet
  for (uint32_t i = 0; i < colliding.size(); ++i) {
    EXPECT_EQ(table.Find(colliding[i]), std::optional<uint32_t>(i)) << i;
  }
  // Absent ids starting in the same run (same first slot or one of the slots
  // it wrapped into) are not found.
  size_t absent_checked = 0;
  for (uint64_t lo = 1000000; absent_checked < 50; ++lo) {
    const HexId id{43, lo};
    if ((HexIdTable::Hash(id) & (capacity - 1)) > 2 && (HexIdTable::Hash(id) & (capacity - 1)) != last_slot) continue;
    EXPECT_FALSE(table.Find(id).has_value());
    ++absent_checked;
  }
  ASSERT_TRUE(table.Insert({7, 7}, 99));  // past half: grows and keeps everything
  EXPECT_GT(table.Capacity(), capacity);
  for (uint32_t i = 0; i < colliding.size(); ++i) {
    EXPECT_EQ(table.Find(colliding[i]), std::optional<uint32_t>(i)) << i;
  }
  EXPECT_EQ(table.Find({7, 7}), std::optional<uint32_t>(99));
}

TEST(HexIdTableTest, ASecondInsertOfAnIdKeepsTheFirstValue) {
  HexIdTable table;
  ASSERT_TRUE(table.Insert({1, 2}, 5));
  EXPECT_FALSE(table.Insert({1, 2}, 6));
  EXPECT_EQ(table.Find({1, 2}), std::optional<uint32_t>(5));
  EXPECT_EQ(table.Size(), 1u);
  EXPECT_FALSE(table.Find({2, 1}).has_value());
}

TEST(HexIdTableTest, AnEmptyTableFindsNothing) {
  const HexIdTable table;
  EXPECT_EQ(table.Size(), 0u);
  EXPECT_FALSE(table.Find({}).has_value());
  EXPECT_FALSE(table.Find({0, 1}).has_value());
}

}  // namespace
}  // namespace pillarbox::store
