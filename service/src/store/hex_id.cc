#include "store/hex_id.h"

#include <bit>
#include <cstring>

namespace pillarbox::store {
namespace {

constexpr size_t kHexIdDigits = 32;

constexpr uint64_t kBytes(uint8_t b) { return 0x0101010101010101ULL * b; }

// 1 in the top bit of each byte of `x` (bytes < 0x80) that lies in [lo, hi].
constexpr uint64_t InRange(uint64_t x, uint8_t lo, uint8_t hi) {
  const uint64_t at_least_lo = x + kBytes(static_cast<uint8_t>(0x80 - lo));
  const uint64_t above_hi = x + kBytes(static_cast<uint8_t>(0x7F - hi));
  return at_least_lo & ~above_hi & kBytes(0x80);
}

// Eight hex digits (text order) to their 32-bit value, eight bytes at a
// time; false when one of them is not '0'-'9' or 'a'-'f'.
bool ParseEight(const char* text, uint64_t& value) {
  uint64_t x = 0;
  std::memcpy(&x, text, sizeof x);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);  // first digit lowest
  if ((x & kBytes(0x80)) != 0) return false;
  const uint64_t digit = InRange(x, '0', '9');
  const uint64_t letter = InRange(x, 'a', 'f');
  if ((digit | letter) != kBytes(0x80)) return false;
  const uint64_t nine_if_letter = (letter >> 7) * 9;  // per byte: 0 or 9 (no carries)
  uint64_t v = __builtin_bswap64((x & kBytes(0x0F)) + nine_if_letter);  // first digit in the top byte
  v = (v | (v >> 4)) & 0x00FF00FF00FF00FFULL;
  v = (v | (v >> 8)) & 0x0000FFFF0000FFFFULL;
  value = (v | (v >> 16)) & 0xFFFFFFFFULL;
  return true;
}

bool ParseHalf(const char* text, uint64_t& half) {
  uint64_t high = 0, low = 0;
  if (!ParseEight(text, high) || !ParseEight(text + 8, low)) return false;
  half = (high << 32) | low;
  return true;
}

}  // namespace

bool ParseHexId(std::string_view text, HexId& id) {
  if (text.size() != kHexIdDigits) return false;
  const bool hi_ok = ParseHalf(text.data(), id.hi);
  const bool lo_ok = ParseHalf(text.data() + kHexIdDigits / 2, id.lo);
  return hi_ok && lo_ok;
}

}  // namespace pillarbox::store
