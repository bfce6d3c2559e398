// A brute-force attacker for threshold releases of small tables: it knows
// every published cell of a table and of its published margins, that counts
// are non-negative integers bounded by `bound`, and searches exhaustively
// for tables consistent with all of that. Tests only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "stats/count_table.h"
#include "stats/threshold_release.h"

namespace pillarbox::stats {

struct AttackOutcome {
  // One line per count in [1, k-1] (a table cell or a margin cell) that the
  // attacker pins down exactly, e.g. "margin {0} cell 1 = 3".
  std::vector<std::string> disclosed;
  int targets = 0;           // small counts examined
  uint64_t search_nodes = 0; // partial tables visited
  uint64_t consistent_tables = 0;  // complete consistent tables found
};

// Attacks `release` of `truth` (all dimensions single-valued) given
// `margins`, every one of which the attacker also knows. Targets: every cell
// of the table and of every margin of it (any subset of dimensions summed
// out, the grand total included) whose true count is in [1, k-1]. A target is
// disclosed when every consistent table gives it the same value.
AttackOutcome Attack(const CountTable& truth, const TableRelease& release,
                     const std::vector<PublishedMargin>& margins, int64_t k, int64_t bound);

// The release that hides exactly the counts in [1, k-1] (no complementary
// suppression): what the attacker must be able to break.
TableRelease PrimaryOnly(const CountTable& table, int64_t k);

}  // namespace pillarbox::stats
