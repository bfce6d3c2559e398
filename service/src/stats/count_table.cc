// CountTable's layout arithmetic (declared in stats/count_table.h).
#include "stats/count_table.h"

#include <cassert>

namespace pillarbox::stats {

size_t CountTable::CellCount() const {
  size_t cells = 1;
  for (const Dimension& dimension : dimensions) cells *= dimension.values.size();
  return cells;
}

size_t CountTable::CellIndex(const std::vector<size_t>& coordinates) const {
  assert(coordinates.size() == dimensions.size());
  size_t index = 0;
  for (size_t d = 0; d < dimensions.size(); ++d) {
    assert(coordinates[d] < dimensions[d].values.size());
    index = index * dimensions[d].values.size() + coordinates[d];
  }
  return index;
}

std::vector<size_t> CountTable::Coordinates(size_t index) const {
  std::vector<size_t> coordinates(dimensions.size());
  for (size_t d = dimensions.size(); d-- > 0;) {
    const size_t size = dimensions[d].values.size();
    coordinates[d] = index % size;
    index /= size;
  }
  return coordinates;
}

}  // namespace pillarbox::stats
