// A count table: how many reports fall in each combination of values of a
// few clear dimensions, for ONE calendar month. Statistics are always
// released month by month (privacy/ANONYMIZATION.md explains why: a sum over
// a range of months could be differenced against a shorter range), so the
// unit every mechanism works on is one month's table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pillarbox::stats {

// One dimension of a table: its name (e.g. "kind", "region", "pillar") and
// its closed list of values, in the order cells are laid out.
struct Dimension {
  std::string name;
  std::vector<std::string> values;
  // True when one report can count under several values (pillars, action
  // kinds, enumerated answers with several choices). Summing a table over a
  // multi-valued dimension does NOT give the table without it, so no
  // mechanism may treat such a sum as a margin.
  bool multi_valued = false;
};

// Counts laid out row-major over `dimensions` (the last dimension varies
// fastest). A table with no dimension has exactly one cell: the month's total.
// Value type; thread-compatible.
struct CountTable {
  std::vector<Dimension> dimensions;
  std::vector<int64_t> counts;  // size == product of dimensions[i].values.size()

  // Number of cells (product of the dimension sizes; 1 with no dimension).
  size_t CellCount() const;
  // Index in `counts` of the cell at `coordinates` (one value index per
  // dimension, each in range). Precondition: coordinates.size() == dimensions.size().
  size_t CellIndex(const std::vector<size_t>& coordinates) const;
  // The coordinates of cell `index` (inverse of CellIndex).
  std::vector<size_t> Coordinates(size_t index) const;
};

}  // namespace pillarbox::stats
