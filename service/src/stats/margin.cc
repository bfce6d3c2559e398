// Margins of a count table (declared in stats/margin.h).
#include "stats/margin.h"

namespace pillarbox::stats {
namespace {

CountTable EmptyMargin(const CountTable& table, const std::vector<size_t>& kept) {
  CountTable margin;
  for (size_t dimension : kept) margin.dimensions.push_back(table.dimensions[dimension]);
  margin.counts.assign(margin.CellCount(), 0);
  return margin;
}

}  // namespace

std::vector<size_t> MarginCellOfEachCell(const CountTable& table, const std::vector<size_t>& kept) {
  const size_t cells = table.CellCount();
  std::vector<size_t> margin_cell(cells);
  for (size_t index = 0; index < cells; ++index) {
    const std::vector<size_t> coordinates = table.Coordinates(index);
    size_t margin_index = 0;
    for (size_t dimension : kept) {
      margin_index = margin_index * table.dimensions[dimension].values.size() + coordinates[dimension];
    }
    margin_cell[index] = margin_index;
  }
  return margin_cell;
}

CountTable MarginOf(const CountTable& table, const std::vector<size_t>& kept) {
  CountTable margin = EmptyMargin(table, kept);
  const std::vector<size_t> margin_cell = MarginCellOfEachCell(table, kept);
  for (size_t index = 0; index < margin_cell.size() && index < table.counts.size(); ++index) {
    margin.counts[margin_cell[index]] += table.counts[index];
  }
  return margin;
}

}  // namespace pillarbox::stats
