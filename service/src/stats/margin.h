// Margins of a count table: the table summed over some of its dimensions.
// Only sums over single-valued dimensions are margins in the statistical
// sense (a report counts once per value of a multi-valued dimension, so a
// sum over one counts some reports several times); callers decide which
// sums they may treat as margins (stats/count_table.h).
#pragma once

#include <cstddef>
#include <vector>

#include "stats/count_table.h"

namespace pillarbox::stats {

// For every cell of `table`, the index of the cell it adds to in the margin
// that keeps dimensions `kept` (indexes into table.dimensions, ascending,
// each in range) and sums out the others; the margin is laid out row-major
// over the kept dimensions, like a CountTable over them. Thread-safe (pure).
std::vector<size_t> MarginCellOfEachCell(const CountTable& table, const std::vector<size_t>& kept);

// The margin of `table` keeping dimensions `kept` (as above): its dimensions
// are table.dimensions[kept[i]] and each of its counts is the sum of the
// table's cells that map to it. Keeping every dimension returns a copy;
// keeping none returns the one-cell grand total. Thread-safe (pure).
CountTable MarginOf(const CountTable& table, const std::vector<size_t>& kept);

}  // namespace pillarbox::stats
