// Hypercube moves (declared in stats/protection_moves.h).
#include "stats/protection_moves.h"

#include <algorithm>
#include <tuple>

namespace pillarbox::stats::internal {
namespace {

// One way to treat one dimension in a move: outside S at `base`, or inside S
// with corners at `base` and `alternative`.
struct DimensionChoice {
  bool in_move = false;
  size_t base = 0;
  size_t alternative = 0;
};

// The choices for each dimension: a dimension the target pins (every one for
// a table cell, the kept ones for a margin cell) stays at the target's value
// or pairs it with another value; a summed-out dimension of a margin target
// may sit at any value but never joins S (else the move would not change the
// target's sum).
std::vector<std::vector<DimensionChoice>> ChoicesFor(const CountTable& table, const ProtectionTarget& target) {
  const std::vector<size_t> pinned = table.Coordinates(target.cell);
  std::vector<std::vector<DimensionChoice>> choices(table.dimensions.size());
  for (size_t d = 0; d < table.dimensions.size(); ++d) {
    const size_t size = table.dimensions[d].values.size();
    const bool summed = target.margin != nullptr && (target.margin->summed_mask >> d & 1U) != 0;
    if (summed) {
      for (size_t value = 0; value < size; ++value) choices[d].push_back({false, value, 0});
      continue;
    }
    const size_t at = pinned[d];
    choices[d].push_back({false, at, 0});
    for (size_t value = 0; value < size; ++value) {
      if (value != at) choices[d].push_back({true, at, value});
    }
  }
  return choices;
}

struct Corner {
  size_t cell = 0;
  int sign = 1;
};

// Fills `corners` with the move's corners; `scratch` is working space.
void CornersOf(const CountTable& table, const std::vector<DimensionChoice>& move, std::vector<Corner>& corners,
               std::vector<Corner>& scratch) {
  corners.assign(1, Corner{0, 1});
  for (size_t d = 0; d < move.size(); ++d) {
    const size_t size = table.dimensions[d].values.size();
    scratch.clear();
    for (const Corner& corner : corners) {
      scratch.push_back({corner.cell * size + move[d].base, corner.sign});
      if (move[d].in_move) scratch.push_back({corner.cell * size + move[d].alternative, -corner.sign});
    }
    corners.swap(scratch);
  }
}

uint32_t MoveMask(const std::vector<DimensionChoice>& move) {
  uint32_t mask = 0;
  for (size_t d = 0; d < move.size(); ++d) {
    if (move[d].in_move) mask |= 1U << d;
  }
  return mask;
}

// table + d or table - d stays non-negative.
bool KeepsCountsNonNegative(const CountTable& table, const std::vector<Corner>& corners) {
  bool plus = true;   // table + d: corners with sign -1 lose one
  bool minus = true;  // table - d: corners with sign +1 lose one
  for (const Corner& corner : corners) {
    if (table.counts[corner.cell] >= 1) continue;
    (corner.sign < 0 ? plus : minus) = false;
  }
  return plus || minus;
}

// Adds to `cost` the margin cells the move needs hidden; false when a fixed
// (already published) margin shows one of them.
bool HiddenInMargins(const std::vector<LinearMargin*>& equations, uint32_t mask, const std::vector<Corner>& corners,
                     MoveCost& cost) {
  for (LinearMargin* margin : equations) {
    if ((margin->summed_mask & mask) != 0) continue;  // the move sums to zero there
    for (const Corner& corner : corners) {
      const size_t cell = margin->margin_cell_of[corner.cell];
      if (margin->published != nullptr) {
        if (!(*margin->published)[cell].suppressed) return false;
      } else if (!(*margin->releasing)[cell]) {
        cost.margin_cells_to_hide.emplace_back(margin, cell);
        cost.hidden_total += margin->counts[cell];
      }
    }
  }
  return true;
}

// Advances the odometer `at` over `choices` (last dimension fastest); false when done.
bool Next(std::vector<size_t>& at, const std::vector<std::vector<DimensionChoice>>& choices) {
  for (size_t d = at.size(); d-- > 0;) {
    if (++at[d] < choices[d].size()) return true;
    at[d] = 0;
  }
  return false;
}

}  // namespace

std::optional<MoveCost> CheapestMove(const CountTable& table, const std::vector<bool>& suppressed,
                                     const std::vector<LinearMargin*>& equations, const ProtectionTarget& target) {
  const std::vector<std::vector<DimensionChoice>> choices = ChoicesFor(table, target);
  std::vector<size_t> at(choices.size(), 0);
  std::vector<DimensionChoice> move(choices.size());
  std::optional<MoveCost> best;
  std::vector<Corner> corners;
  std::vector<Corner> scratch;
  do {
    for (size_t d = 0; d < choices.size(); ++d) move[d] = choices[d][at[d]];
    CornersOf(table, move, corners, scratch);
    if (!KeepsCountsNonNegative(table, corners)) continue;
    size_t table_cells_to_hide = 0;
    for (const Corner& corner : corners) table_cells_to_hide += suppressed[corner.cell] ? 0 : 1;
    if (best && table_cells_to_hide > best->size()) continue;  // cannot beat the best
    MoveCost cost;
    if (!HiddenInMargins(equations, MoveMask(move), corners, cost)) continue;
    for (const Corner& corner : corners) {
      if (suppressed[corner.cell]) continue;
      cost.cells_to_hide.push_back(corner.cell);
      cost.hidden_total += table.counts[corner.cell];
    }
    if (!best || std::make_tuple(cost.size(), cost.hidden_total) < std::make_tuple(best->size(), best->hidden_total)) {
      best = std::move(cost);
      if (best->size() == 0) break;
    }
  } while (Next(at, choices));
  if (best) std::sort(best->cells_to_hide.begin(), best->cells_to_hide.end());
  return best;
}

}  // namespace pillarbox::stats::internal
