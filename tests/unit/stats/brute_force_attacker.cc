#include "brute_force_attacker.h"

#include <algorithm>
#include <sstream>

#include "stats/margin.h"

namespace pillarbox::stats {
namespace {

// sum of `cells` (indexes into the unknowns) == value
struct Equation {
  std::vector<size_t> unknowns;
  int64_t value = 0;
};

class Search {
 public:
  Search(size_t unknowns, std::vector<Equation> equations, int64_t bound)
      : bound_(bound), equations_(std::move(equations)), of_unknown_(unknowns) {
    for (size_t e = 0; e < equations_.size(); ++e) {
      for (size_t u : equations_[e].unknowns) of_unknown_[u].push_back(e);
    }
  }

  // True when some assignment of the unknowns in [0, bound] satisfies every
  // equation; counts visited nodes and solutions in *nodes and *solutions.
  bool Feasible(uint64_t* nodes, uint64_t* solutions) {
    remaining_.clear();
    unassigned_.clear();
    for (const Equation& equation : equations_) {
      if (equation.value < 0) return false;
      remaining_.push_back(equation.value);
      unassigned_.push_back(static_cast<int64_t>(equation.unknowns.size()));
      if (equation.unknowns.empty() && equation.value != 0) return false;
    }
    nodes_ = nodes;
    const bool found = Assign(0);
    if (found) ++*solutions;
    return found;
  }

 private:
  bool Assign(size_t unknown) {
    ++*nodes_;
    if (unknown == of_unknown_.size()) return true;
    int64_t low = 0;
    int64_t high = bound_;
    for (size_t e : of_unknown_[unknown]) {
      high = std::min(high, remaining_[e]);
      if (unassigned_[e] == 1) low = std::max(low, remaining_[e]);  // the last unknown takes the rest
    }
    for (int64_t value = low; value <= high; ++value) {
      if (Place(unknown, value) && Assign(unknown + 1)) return true;
      Unplace(unknown, value);
    }
    return false;
  }

  bool Place(size_t unknown, int64_t value) {
    bool ok = true;
    for (size_t e : of_unknown_[unknown]) {
      remaining_[e] -= value;
      --unassigned_[e];
      ok = ok && remaining_[e] >= 0 && remaining_[e] <= bound_ * unassigned_[e];
    }
    return ok;
  }

  void Unplace(size_t unknown, int64_t value) {
    for (size_t e : of_unknown_[unknown]) {
      remaining_[e] += value;
      ++unassigned_[e];
    }
  }

  int64_t bound_;
  std::vector<Equation> equations_;
  std::vector<std::vector<size_t>> of_unknown_;
  std::vector<int64_t> remaining_;
  std::vector<int64_t> unassigned_;
  uint64_t* nodes_ = nullptr;
};

// The attacker's equations over the hidden cells: one per published cell of
// a margin (its value minus the published table cells in it).
std::vector<Equation> KnownEquations(const CountTable& truth, const TableRelease& release,
                                     const std::vector<PublishedMargin>& margins,
                                     const std::vector<size_t>& unknown_of_cell) {
  std::vector<Equation> equations;
  for (const PublishedMargin& margin : margins) {
    const std::vector<size_t> margin_cell = MarginCellOfEachCell(truth, margin.dimension_indexes);
    for (size_t m = 0; m < margin.release.size(); ++m) {
      if (margin.release[m].suppressed) continue;
      Equation equation{{}, margin.release[m].count};
      for (size_t cell = 0; cell < margin_cell.size(); ++cell) {
        if (margin_cell[cell] != m) continue;
        if (release[cell].suppressed) {
          equation.unknowns.push_back(unknown_of_cell[cell]);
        } else {
          equation.value -= release[cell].count;
        }
      }
      equations.push_back(std::move(equation));
    }
  }
  return equations;
}

std::string Describe(const std::vector<size_t>& kept, size_t cell, int64_t count) {
  std::ostringstream out;
  out << "margin {";
  for (size_t i = 0; i < kept.size(); ++i) out << (i ? "," : "") << kept[i];
  out << "} cell " << cell << " = " << count;
  return out.str();
}

}  // namespace

TableRelease PrimaryOnly(const CountTable& table, int64_t k) {
  TableRelease release(table.counts.size());
  for (size_t cell = 0; cell < release.size(); ++cell) {
    release[cell].suppressed = table.counts[cell] >= 1 && table.counts[cell] < k;
    release[cell].count = release[cell].suppressed ? 0 : table.counts[cell];
  }
  return release;
}

AttackOutcome Attack(const CountTable& truth, const TableRelease& release,
                     const std::vector<PublishedMargin>& margins, int64_t k, int64_t bound) {
  AttackOutcome outcome;
  std::vector<size_t> unknown_of_cell(truth.counts.size(), 0);
  size_t unknowns = 0;
  for (size_t cell = 0; cell < release.size(); ++cell) {
    if (release[cell].suppressed) unknown_of_cell[cell] = unknowns++;
  }
  const std::vector<Equation> known = KnownEquations(truth, release, margins, unknown_of_cell);
  const size_t dimensions = truth.dimensions.size();
  // Every subset of dimensions to keep; keeping all of them is the table itself.
  for (uint32_t kept_mask = 0; kept_mask < (1U << dimensions); ++kept_mask) {
    std::vector<size_t> kept;
    for (size_t d = 0; d < dimensions; ++d) {
      if (kept_mask >> d & 1U) kept.push_back(d);
    }
    const std::vector<size_t> margin_cell = MarginCellOfEachCell(truth, kept);
    const CountTable margin = MarginOf(truth, kept);
    for (size_t m = 0; m < margin.counts.size(); ++m) {
      const int64_t count = margin.counts[m];
      if (count < 1 || count >= k) continue;
      ++outcome.targets;
      // The attacker knows the target's hidden cells sum to `value - published part`.
      std::vector<size_t> target_unknowns;
      int64_t published_part = 0;
      for (size_t cell = 0; cell < margin_cell.size(); ++cell) {
        if (margin_cell[cell] != m) continue;
        if (release[cell].suppressed) {
          target_unknowns.push_back(unknown_of_cell[cell]);
        } else {
          published_part += release[cell].count;
        }
      }
      bool second_value = false;
      const int64_t highest = bound * static_cast<int64_t>(std::max<size_t>(1, target_unknowns.size()));
      for (int64_t value = 0; value <= published_part + highest && !second_value; ++value) {
        if (value == count) continue;
        std::vector<Equation> equations = known;
        equations.push_back({target_unknowns, value - published_part});
        Search search(unknowns, std::move(equations), bound);
        second_value = search.Feasible(&outcome.search_nodes, &outcome.consistent_tables);
      }
      if (!second_value) outcome.disclosed.push_back(Describe(kept, m, count));
    }
  }
  return outcome;
}

}  // namespace pillarbox::stats
