// The threshold mechanism: which cells of one month's count table may be
// published. Primary suppression hides every cell whose count is between 1
// and k-1; complementary suppression then hides further cells until no
// hidden cell can be worked out exactly from the published cells, the
// table's margins, and what was already published for the table's margins
// (smaller tables of the same month over a subset of its dimensions).
// privacy/ANONYMIZATION.md states what this protects against and what not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "stats/count_table.h"

namespace pillarbox::stats {

// The smallest k an instance may configure, and the default.
inline constexpr int64_t kMinimumThreshold = 5;
inline constexpr int64_t kDefaultThreshold = 10;

// One published cell: its count, or hidden.
struct CellRelease {
  bool suppressed = false;
  int64_t count = 0;  // meaningful only when !suppressed
  bool operator==(const CellRelease&) const = default;
};

// What was published for one table: one entry per cell, same layout as the
// CountTable it came from.
using TableRelease = std::vector<CellRelease>;

// What was already published for a margin of the table being released: a
// table over `dimension_indexes` (indexes into the released table's
// dimensions, ascending) of the same month, laid out row-major over those
// dimensions. Margins that sum out a multi-valued dimension are ignored
// (their cells are not sums of the table's cells).
struct PublishedMargin {
  std::vector<size_t> dimension_indexes;
  TableRelease release;
};

// Decides which cells of `table` to publish with threshold `k`
// (>= kMinimumThreshold). The result is deterministic: the same table,
// margins and k always give the same release, so asking twice reveals
// nothing new. Guarantees, for an attacker who knows every published cell of
// the result and of `published_margins` and that counts are non-negative
// integers: no cell with a count in [1, k-1] (of the table or of any margin
// over single-valued dimensions) is determined exactly.
// InvalidArgument (field "k") when k < kMinimumThreshold; InvalidArgument
// when a margin's layout does not match the table. Thread-safe (pure).
Result<TableRelease> ReleaseWithThreshold(const CountTable& table,
                                          const std::vector<PublishedMargin>& published_margins,
                                          int64_t k);

// What a joint release publishes: the table and the margins released with it.
struct JointRelease {
  TableRelease table;
  std::vector<PublishedMargin> margins;  // one per requested new margin, same order
};

// Like ReleaseWithThreshold, and releases together with the table those of
// its margins that were not published yet (`new_margins`: dimension index
// sets as in PublishedMargin). Hidden cells are chosen jointly for the table
// and the new margins, so that the guarantee above holds for an attacker who
// knows all of them and `published_margins`. Use it whenever a query needs
// margins the release log does not hold: margins released one by one over
// non-nested dimension sets (e.g. {0,1}, {0,2} and {1,2} of a 3-dimension
// table) can together determine cells of the table, which no later release
// can hide any more. New margins must sum out single-valued dimensions only
// (a sum over a multi-valued dimension is a different table: release it on
// its own, first). Errors as ReleaseWithThreshold, and InvalidArgument (field
// "new_margins") for a bad dimension set, one summing out a multi-valued
// dimension, or one that is also a published margin. Thread-safe (pure).
Result<JointRelease> ReleaseJointlyWithThreshold(const CountTable& table,
                                                 const std::vector<PublishedMargin>& published_margins,
                                                 const std::vector<std::vector<size_t>>& new_margins, int64_t k);

}  // namespace pillarbox::stats
