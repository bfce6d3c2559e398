// HexId: a random id of 32 lowercase hex digits (report ids, see intake) as
// two 64-bit integers, so that hundreds of thousands of them can be compared
// and sorted without a string each (store/stats_month_counter joins link
// rows to reports this way). Thread-safe (pure functions).
#pragma once

#include <cstdint>
#include <string_view>

namespace pillarbox::store {

// A random id as two 64-bit halves (hi = the first 16 hex digits).
struct HexId {
  uint64_t hi = 0;
  uint64_t lo = 0;
  bool operator==(const HexId&) const = default;
};

// Parses exactly 32 lowercase hex digits into `id`. Returns false (and
// leaves `id` unspecified) for any other text: another length, uppercase
// digits, any other byte. Distinct accepted texts give distinct ids, so
// comparing parsed ids is comparing the texts.
bool ParseHexId(std::string_view text, HexId& id);

// Numeric order of ids, which is also the text order of the accepted texts
// ('0'-'9' sort before 'a'-'f'), so rows read in SQLite's text order of
// report_id come out sorted.
inline bool HexIdLess(const HexId& a, const HexId& b) { return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo); }

}  // namespace pillarbox::store
