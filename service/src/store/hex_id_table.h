// HexIdTable: a flat open-addressing hash table from 128-bit report ids (32
// lowercase hex digits, parsed by ParseHexId) to a 32-bit payload, for
// joining hundreds of thousands of link rows to reports in memory
// (store/stats_month_counter) without a heap allocation per row. Capacity is
// a power of two, collisions probe linearly, the table doubles when half
// full. Thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace pillarbox::store {

// A random id as two 64-bit halves (hi = the first 16 hex digits).
struct HexId {
  uint64_t hi = 0;
  uint64_t lo = 0;
  bool operator==(const HexId&) const = default;
};

// Parses exactly 32 lowercase hex digits into `id`. Returns false (and
// leaves `id` unspecified) for any other text: another length, uppercase
// digits, any other character. Distinct accepted texts give distinct ids, so
// comparing parsed ids is comparing the texts. Thread-safe.
bool ParseHexId(std::string_view text, HexId& id);

class HexIdTable {
 public:
  // An empty table sized for `expected` ids without growing.
  explicit HexIdTable(size_t expected = 0);

  // Maps `id` to `value`; returns false (and keeps the old value) when `id`
  // is already in the table.
  bool Insert(const HexId& id, uint32_t value);

  // The value of `id`, or nullopt when it was never inserted.
  std::optional<uint32_t> Find(const HexId& id) const {
    size_t slot = Hash(id) & mask_;
    for (;;) {
      const Slot& s = slots_[slot];
      if (!s.used) return std::nullopt;
      if (s.id == id) return s.value;
      slot = (slot + 1) & mask_;
    }
  }

  // Hints the processor to load the slot where a search for `id` starts
  // (batched lookups overlap their cache misses this way). No effect on
  // contents.
  void Prefetch(const HexId& id) const { __builtin_prefetch(&slots_[Hash(id) & mask_]); }

  // How many ids the table holds, and how many slots it has (a power of two,
  // at least twice Size()).
  size_t Size() const { return size_; }
  size_t Capacity() const { return slots_.size(); }

  // The hash whose low bits choose the first slot of `id` (public so tests
  // can build colliding ids). Ids are random, but are mixed anyway so that
  // sequential or crafted ids do not fall into one run of slots.
  static uint64_t Hash(const HexId& id) {
    uint64_t h = (id.lo ^ (id.hi * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
  }

 private:
  struct Slot {
    HexId id;
    uint32_t value = 0;
    bool used = false;
  };

  void Grow();

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace pillarbox::store
