// ParseHexId and HexIdLess (store/hex_id.h): strict parsing of 32 lowercase
// hex digits (eight at a time), checked against printf, and an order that is
// the text order.
#include "store/hex_id.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <utility>
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

TEST(ParseHexIdTest, AgreesWithPrintfForRandomIdsAndKeepsTextOrder) {
  uint64_t state = 1;
  std::vector<std::pair<std::string, HexId>> parsed;
  for (int i = 0; i < 20000; ++i) {
    const uint64_t hi = SplitMix(state), lo = SplitMix(state);
    char text[40];
    std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(hi),
                  static_cast<unsigned long long>(lo));
    HexId id;
    ASSERT_TRUE(ParseHexId(text, id)) << text;
    ASSERT_EQ(id, (HexId{hi, lo})) << text;
    parsed.emplace_back(text, id);
  }
  // Every digit value at every position.
  for (size_t position = 0; position < 32; ++position) {
    for (int digit = 0; digit < 16; ++digit) {
      std::string text(32, '0');
      text[position] = "0123456789abcdef"[digit];
      HexId id;
      ASSERT_TRUE(ParseHexId(text, id));
      const int shift = static_cast<int>(4 * (15 - position % 16));
      const uint64_t expected = static_cast<uint64_t>(digit) << shift;
      EXPECT_EQ(position < 16 ? id.hi : id.lo, expected) << text;
      EXPECT_EQ(position < 16 ? id.lo : id.hi, 0u) << text;
      parsed.emplace_back(text, id);
    }
  }
  // Numeric order is text order (links read ORDER BY report_id are sorted).
  for (size_t i = 1; i < parsed.size(); ++i) {
    const auto& [a_text, a] = parsed[i - 1];
    const auto& [b_text, b] = parsed[i];
    EXPECT_EQ(HexIdLess(a, b), a_text < b_text) << a_text << " " << b_text;
    EXPECT_EQ(HexIdLess(b, a), b_text < a_text) << a_text << " " << b_text;
  }
}

}  // namespace
}  // namespace pillarbox::store
