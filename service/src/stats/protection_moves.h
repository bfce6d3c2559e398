// The certificate behind complementary suppression (used by
// stats/threshold_release.cc; not a public interface of the part).
//
// A hidden count is protected when the attacker's equations admit a second
// non-negative integer table with a different value for it. We look for that
// second table as the true table plus a "move" d: a hypercube move (as in the
// hypercube method of tau-ARGUS) picks a set S of dimensions, two values a_s,
// a'_s for each s in S and one value for every other dimension; d is +1 or -1
// on the 2^|S| corners (the sign flips with each a') and 0 elsewhere. Then
//   * d sums to zero over every dimension in S, so it changes no cell of a
//     margin that sums out a dimension of S;
//   * for any other published margin, the corners land on distinct margin
//     cells, which must all be hidden there;
//   * every corner must be hidden in the table itself;
//   * table + d (or table - d) must stay non-negative.
// A move meeting all four is a proof that the target takes two values among
// tables consistent with everything published. Proofs stay valid when more
// cells are hidden, so targets can be handled one at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "stats/count_table.h"
#include "stats/threshold_release.h"

namespace pillarbox::stats::internal {

// A margin of the table that sums out single-valued dimensions only, so each
// of its cells is a linear equation over the table's cells.
struct LinearMargin {
  uint32_t summed_mask = 0;            // bit d set when dimension d is summed out
  std::vector<size_t> margin_cell_of;  // table cell -> margin cell
  std::vector<int64_t> counts;         // the true margin counts
  const TableRelease* published = nullptr;  // already published (fixed), or null
  std::vector<bool>* releasing = nullptr;   // hidden flags of a margin released now, or null
};

// Something that must not be determined: table cell `cell` (margin ==
// nullptr), or the cell of `margin` that table cell `cell` adds to.
struct ProtectionTarget {
  const LinearMargin* margin = nullptr;
  size_t cell = 0;
};

// The published cells a move needs hidden, when a valid move exists: cells
// of the table, and cells of margins released together with it.
struct MoveCost {
  std::vector<size_t> cells_to_hide;  // ascending
  std::vector<std::pair<LinearMargin*, size_t>> margin_cells_to_hide;
  int64_t hidden_total = 0;  // sum of all their counts
  size_t size() const { return cells_to_hide.size() + margin_cells_to_hide.size(); }
};

// The cheapest valid move for `target` given the table's current
// `suppressed` flags and the margins the attacker sees (`equations`: fixed
// ones must already hide the move's projections, margins released now may
// hide more): fewest new cells to hide, then smallest sum of their counts,
// then first in a fixed enumeration order (so the choice is deterministic).
// size() == 0 means the target is already protected. nullopt when no
// hypercube move can protect the target whatever is hidden. Pure.
std::optional<MoveCost> CheapestMove(const CountTable& table, const std::vector<bool>& suppressed,
                                     const std::vector<LinearMargin*>& equations, const ProtectionTarget& target);

}  // namespace pillarbox::stats::internal
