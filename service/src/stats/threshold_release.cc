// ReleaseWithThreshold (declared in stats/threshold_release.h): primary
// suppression of the counts in [1, k-1], then complementary suppression until
// every such count of the table and of its margins has a protecting move
// (stats/protection_moves.h).
#include "stats/threshold_release.h"

#include <deque>

#include "stats/margin.h"
#include "stats/protection_moves.h"

namespace pillarbox::stats {
namespace {

using internal::LinearMargin;
using internal::ProtectionTarget;

constexpr size_t kMaxDimensions = 16;

Status CheckTable(const CountTable& table) {
  if (table.dimensions.size() > kMaxDimensions) return Status::InvalidArgument("too many dimensions", "group_by");
  for (const Dimension& dimension : table.dimensions) {
    if (dimension.values.empty()) return Status::InvalidArgument("a dimension has no values", "group_by");
  }
  if (table.counts.size() != table.CellCount()) {
    return Status::InvalidArgument("counts do not match the table's layout", "counts");
  }
  for (int64_t count : table.counts) {
    if (count < 0) return Status::InvalidArgument("counts must not be negative", "counts");
  }
  return Status::Ok();
}

Status CheckMargin(const CountTable& table, const PublishedMargin& margin) {
  size_t cells = 1;
  for (size_t i = 0; i < margin.dimension_indexes.size(); ++i) {
    const size_t dimension = margin.dimension_indexes[i];
    if (dimension >= table.dimensions.size() || (i > 0 && dimension <= margin.dimension_indexes[i - 1])) {
      return Status::InvalidArgument("margin dimensions must be ascending table dimensions", "published_margins");
    }
    cells *= table.dimensions[dimension].values.size();
  }
  if (margin.dimension_indexes.size() >= table.dimensions.size()) {
    return Status::InvalidArgument("a margin must sum out at least one dimension", "published_margins");
  }
  if (margin.release.size() != cells) {
    return Status::InvalidArgument("margin cells do not match its dimensions", "published_margins");
  }
  return Status::Ok();
}

uint32_t SummedMask(const CountTable& table, const std::vector<size_t>& kept) {
  uint32_t mask = (1U << table.dimensions.size()) - 1;  // at most kMaxDimensions bits
  for (size_t dimension : kept) mask &= ~(1U << dimension);
  return mask;
}

uint32_t MultiValuedMask(const CountTable& table) {
  uint32_t mask = 0;
  for (size_t d = 0; d < table.dimensions.size(); ++d) {
    if (table.dimensions[d].multi_valued) mask |= 1U << d;
  }
  return mask;
}

std::vector<size_t> KeptDimensions(const CountTable& table, uint32_t summed_mask) {
  std::vector<size_t> kept;
  for (size_t d = 0; d < table.dimensions.size(); ++d) {
    if ((summed_mask >> d & 1U) == 0) kept.push_back(d);
  }
  return kept;
}

LinearMargin MakeLinearMargin(const CountTable& table, uint32_t summed_mask, const TableRelease* published) {
  const std::vector<size_t> kept = KeptDimensions(table, summed_mask);
  return LinearMargin{summed_mask, MarginCellOfEachCell(table, kept), MarginOf(table, kept).counts, published};
}

// Everything the release must account for: the margins the attacker sees
// (published ones, fixed, and new ones, released now), and every linear
// margin's small cells as targets.
struct ReleaseProblem {
  std::deque<LinearMargin> margins;             // deque: stable addresses
  std::deque<std::vector<bool>> new_hidden;     // hidden flags of the new margins
  std::vector<LinearMargin*> equations;
  std::vector<LinearMargin*> new_margins;       // same order as requested
  std::vector<ProtectionTarget> targets;
};

bool PublishedElsewhere(const ReleaseProblem& problem, const LinearMargin& margin, size_t margin_cell) {
  for (const LinearMargin* known : problem.equations) {
    if (known->published != nullptr && known->summed_mask == margin.summed_mask &&
        !(*known->published)[margin_cell].suppressed) {
      return true;
    }
  }
  return false;
}

void AddMarginTargets(int64_t k, const LinearMargin& margin, ReleaseProblem& problem) {
  std::vector<bool> seen(margin.counts.size(), false);
  for (size_t cell = 0; cell < margin.margin_cell_of.size(); ++cell) {
    const size_t margin_cell = margin.margin_cell_of[cell];
    if (seen[margin_cell]) continue;
    seen[margin_cell] = true;
    const int64_t count = margin.counts[margin_cell];
    if (count < 1 || count >= k || PublishedElsewhere(problem, margin, margin_cell)) continue;
    problem.targets.push_back({&margin, cell});
  }
}

bool IsSmall(int64_t count, int64_t k) { return count >= 1 && count < k; }

void AddNewMargin(const CountTable& table, uint32_t summed, int64_t k, ReleaseProblem& problem) {
  problem.margins.push_back(MakeLinearMargin(table, summed, nullptr));
  LinearMargin& margin = problem.margins.back();
  std::vector<bool>& hidden = problem.new_hidden.emplace_back(margin.counts.size(), false);
  for (size_t cell = 0; cell < hidden.size(); ++cell) hidden[cell] = IsSmall(margin.counts[cell], k);
  margin.releasing = &hidden;
  problem.equations.push_back(&margin);
  problem.new_margins.push_back(&margin);
}

ReleaseProblem BuildProblem(const CountTable& table, const std::vector<PublishedMargin>& published_margins,
                            const std::vector<std::vector<size_t>>& new_margins, int64_t k) {
  ReleaseProblem problem;
  const uint32_t multi = MultiValuedMask(table);
  for (const PublishedMargin& published : published_margins) {
    const uint32_t summed = SummedMask(table, published.dimension_indexes);
    if ((summed & multi) != 0) continue;  // not a linear relation over the table's cells
    problem.margins.push_back(MakeLinearMargin(table, summed, &published.release));
    problem.equations.push_back(&problem.margins.back());
  }
  for (const std::vector<size_t>& kept : new_margins) AddNewMargin(table, SummedMask(table, kept), k, problem);
  for (size_t cell = 0; cell < table.counts.size(); ++cell) {
    if (IsSmall(table.counts[cell], k)) problem.targets.push_back({nullptr, cell});
  }
  const uint32_t all = SummedMask(table, {});
  for (uint32_t summed = 1; summed <= all; ++summed) {
    if ((summed & multi) != 0) continue;
    problem.margins.push_back(MakeLinearMargin(table, summed, nullptr));
    AddMarginTargets(k, problem.margins.back(), problem);
  }
  return problem;
}

// The number of cells of the margin keeping `kept` (indexes out of range
// count as one value; CheckMargin refuses them).
size_t KeptCellCount(const CountTable& table, const std::vector<size_t>& kept) {
  size_t cells = 1;
  for (size_t dimension : kept) {
    if (dimension < table.dimensions.size()) cells *= table.dimensions[dimension].values.size();
  }
  return cells;
}

Status CheckNewMargins(const CountTable& table, const std::vector<PublishedMargin>& published_margins,
                       const std::vector<std::vector<size_t>>& new_margins) {
  const uint32_t multi = MultiValuedMask(table);
  for (const std::vector<size_t>& kept : new_margins) {
    Status layout = CheckMargin(table, PublishedMargin{kept, TableRelease(KeptCellCount(table, kept))});
    if (!layout.ok()) return Status::InvalidArgument(layout.message(), "new_margins");
    if ((SummedMask(table, kept) & multi) != 0) {
      return Status::InvalidArgument("a new margin must not sum out a multi-valued dimension", "new_margins");
    }
    for (const PublishedMargin& published : published_margins) {
      if (published.dimension_indexes == kept) {
        return Status::InvalidArgument("a new margin is already published", "new_margins");
      }
    }
  }
  return Status::Ok();
}

TableRelease ToRelease(const std::vector<int64_t>& counts, const std::vector<bool>& suppressed) {
  TableRelease release(counts.size());
  for (size_t cell = 0; cell < release.size(); ++cell) {
    release[cell].suppressed = suppressed[cell];
    release[cell].count = suppressed[cell] ? 0 : counts[cell];
  }
  return release;
}

// Hides everything: the table and every new margin.
void HideEverything(std::vector<bool>& suppressed, ReleaseProblem& problem) {
  suppressed.assign(suppressed.size(), true);
  for (std::vector<bool>& hidden : problem.new_hidden) hidden.assign(hidden.size(), true);
}

}  // namespace

Result<JointRelease> ReleaseJointlyWithThreshold(const CountTable& table,
                                                 const std::vector<PublishedMargin>& published_margins,
                                                 const std::vector<std::vector<size_t>>& new_margins, int64_t k) {
  if (k < kMinimumThreshold) return Status::InvalidArgument("k must be at least 5", "k");
  PB_RETURN_IF_ERROR(CheckTable(table));
  for (const PublishedMargin& margin : published_margins) PB_RETURN_IF_ERROR(CheckMargin(table, margin));
  PB_RETURN_IF_ERROR(CheckNewMargins(table, published_margins, new_margins));
  ReleaseProblem problem = BuildProblem(table, published_margins, new_margins, k);
  std::vector<bool> suppressed(table.counts.size(), false);
  for (size_t cell = 0; cell < suppressed.size(); ++cell) suppressed[cell] = IsSmall(table.counts[cell], k);
  for (const ProtectionTarget& target : problem.targets) {
    const std::optional<internal::MoveCost> move =
        internal::CheapestMove(table, suppressed, problem.equations, target);
    if (!move) {
      // No move can protect this target: hide everything, the most we can do.
      HideEverything(suppressed, problem);
      break;
    }
    for (size_t cell : move->cells_to_hide) suppressed[cell] = true;
    for (const auto& [margin, cell] : move->margin_cells_to_hide) (*margin->releasing)[cell] = true;
  }
  JointRelease release{ToRelease(table.counts, suppressed), {}};
  for (size_t i = 0; i < new_margins.size(); ++i) {
    const LinearMargin& margin = *problem.new_margins[i];
    release.margins.push_back({new_margins[i], ToRelease(margin.counts, *margin.releasing)});
  }
  return release;
}

Result<TableRelease> ReleaseWithThreshold(const CountTable& table,
                                          const std::vector<PublishedMargin>& published_margins, int64_t k) {
  PB_ASSIGN_OR_RETURN(JointRelease release, ReleaseJointlyWithThreshold(table, published_margins, {}, k));
  return std::move(release.table);
}

}  // namespace pillarbox::stats
