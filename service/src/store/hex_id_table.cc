#include "store/hex_id_table.h"

#include <utility>

namespace pillarbox::store {
namespace {

constexpr size_t kHexIdDigits = 32;

// 0-15 for '0'-'9' and 'a'-'f', 16 for anything else.
constexpr uint8_t kNotHex = 16;
struct HexDigits {
  uint8_t value[256];
  constexpr HexDigits() : value() {
    for (int c = 0; c < 256; ++c) value[c] = kNotHex;
    for (int c = 0; c < 10; ++c) value['0' + c] = static_cast<uint8_t>(c);
    for (int c = 0; c < 6; ++c) value['a' + c] = static_cast<uint8_t>(10 + c);
  }
};
constexpr HexDigits kHexDigits;

bool ParseHalf(const char* text, uint64_t& half) {
  uint64_t value = 0;
  uint8_t bad = 0;
  for (size_t i = 0; i < kHexIdDigits / 2; ++i) {
    const uint8_t digit = kHexDigits.value[static_cast<unsigned char>(text[i])];
    bad |= digit & kNotHex;
    value = (value << 4) | (digit & 0xF);
  }
  half = value;
  return bad == 0;
}

size_t CapacityFor(size_t expected) {
  size_t capacity = 16;
  while (capacity < 2 * expected) capacity *= 2;
  return capacity;
}

}  // namespace

bool ParseHexId(std::string_view text, HexId& id) {
  if (text.size() != kHexIdDigits) return false;
  const bool hi_ok = ParseHalf(text.data(), id.hi);
  const bool lo_ok = ParseHalf(text.data() + kHexIdDigits / 2, id.lo);
  return hi_ok && lo_ok;
}

HexIdTable::HexIdTable(size_t expected) : slots_(CapacityFor(expected)), mask_(slots_.size() - 1) {}

bool HexIdTable::Insert(const HexId& id, uint32_t value) {
  if (2 * (size_ + 1) > slots_.size()) Grow();
  size_t slot = Hash(id) & mask_;
  for (;;) {
    Slot& s = slots_[slot];
    if (!s.used) {
      s = Slot{id, value, true};
      ++size_;
      return true;
    }
    if (s.id == id) return false;
    slot = (slot + 1) & mask_;
  }
}

void HexIdTable::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  std::swap(old, slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.used) continue;
    size_t slot = Hash(s.id) & mask_;
    while (slots_[slot].used) slot = (slot + 1) & mask_;
    slots_[slot] = s;
  }
}

}  // namespace pillarbox::store
