#include "stats/threshold_release.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <algorithm>
#include <random>

#include "stats/margin.h"

namespace pillarbox::stats {
namespace {

Dimension Named(std::string name, size_t values, bool multi = false) {
  Dimension dimension{std::move(name), {}, multi};
  for (size_t v = 0; v < values; ++v) dimension.values.push_back("v" + std::to_string(v));
  return dimension;
}

std::vector<bool> Hidden(const TableRelease& release) {
  std::vector<bool> hidden;
  for (const CellRelease& cell : release) hidden.push_back(cell.suppressed);
  return hidden;
}

TEST(ThresholdReleaseTest, PublishesLargeCountsAndZerosAndHidesSmallOnes) {
  // 2x3: row 0 = {0, 12, 30}, row 1 = {3, 40, 0}; no margin published.
  CountTable table{{Named("kind", 2), Named("region", 3)}, {0, 12, 30, 3, 40, 0}};
  Result<TableRelease> release = ReleaseWithThreshold(table, {}, kDefaultThreshold);
  ASSERT_TRUE(release.ok());
  EXPECT_EQ((*release)[0], (CellRelease{false, 0}));  // zero published
  EXPECT_EQ((*release)[1], (CellRelease{false, 12}));
  EXPECT_TRUE((*release)[3].suppressed);             // 3 < k
  EXPECT_EQ((*release)[3].count, 0);                 // no value leaks through a hidden cell
  // Column 0 sums to 3 too, but with no margin published nothing ties the
  // hidden cell to anything: the attacker only knows it is >= 0. No complement.
  EXPECT_EQ(Hidden(*release), (std::vector<bool>{false, false, false, true, false, false}));
}

TEST(ThresholdReleaseTest, HidesAComplementWhenTheTotalIsPublished) {
  CountTable table{{Named("kind", 3)}, {4, 30, 50}};
  const std::vector<PublishedMargin> total = {{{}, {CellRelease{false, 84}}}};
  Result<TableRelease> release = ReleaseWithThreshold(table, total, 5);
  ASSERT_TRUE(release.ok());
  // The smallest published cell is the complement.
  EXPECT_EQ(Hidden(*release), (std::vector<bool>{true, true, false}));
  EXPECT_EQ((*release)[2].count, 50);
}

TEST(ThresholdReleaseTest, NoComplementNeededWithoutMargins) {
  // Small cells of a 1-D table whose total (37) is not published: nothing
  // ties the hidden cells to anything, so no complement is needed.
  CountTable table{{Named("kind", 3)}, {4, 30, 3}};
  Result<TableRelease> release = ReleaseWithThreshold(table, {}, 5);
  ASSERT_TRUE(release.ok());
  EXPECT_EQ(Hidden(*release), (std::vector<bool>{true, false, true}));
}

TEST(ThresholdReleaseTest, SameInputSameOutput) {
  std::mt19937_64 random(42);
  std::uniform_int_distribution<int> count(0, 14);
  CountTable table{{Named("kind", 3), Named("region", 6), Named("sector", 13)}, {}};
  for (size_t cell = 0; cell < table.CellCount(); ++cell) table.counts.push_back(count(random));
  Result<TableRelease> first = ReleaseWithThreshold(table, {{{0}, TableRelease(3, CellRelease{true, 0})}}, 10);
  Result<TableRelease> second = ReleaseWithThreshold(table, {{{0}, TableRelease(3, CellRelease{true, 0})}}, 10);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
}

TEST(ThresholdReleaseTest, RefusesKBelowFive) {
  CountTable table{{Named("kind", 2)}, {3, 9}};
  Result<TableRelease> release = ReleaseWithThreshold(table, {}, 4);
  ASSERT_FALSE(release.ok());
  EXPECT_EQ(release.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(release.status().field(), "k");
  EXPECT_TRUE(ReleaseWithThreshold(table, {}, kMinimumThreshold).ok());
}

TEST(ThresholdReleaseTest, RefusesLayoutMismatches) {
  CountTable table{{Named("kind", 2), Named("region", 3)}, {1, 2, 3, 4, 5, 6}};
  const TableRelease two(2);
  const TableRelease three(3);
  for (const PublishedMargin& bad : {PublishedMargin{{0}, three}, PublishedMargin{{1}, two},
                                     PublishedMargin{{1, 0}, TableRelease(6)}, PublishedMargin{{2}, two},
                                     PublishedMargin{{0, 1}, TableRelease(6)}, PublishedMargin{{}, two}}) {
    Result<TableRelease> release = ReleaseWithThreshold(table, {bad}, 5);
    ASSERT_FALSE(release.ok());
    EXPECT_EQ(release.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(release.status().field(), "published_margins");
  }
  CountTable short_counts{{Named("kind", 2)}, {1}};
  EXPECT_EQ(ReleaseWithThreshold(short_counts, {}, 5).status().code(), StatusCode::kInvalidArgument);
  CountTable negative{{Named("kind", 2)}, {1, -1}};
  EXPECT_EQ(ReleaseWithThreshold(negative, {}, 5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(ReleaseWithThreshold(table, {{{0}, two}, {{1}, three}, {{}, TableRelease(1)}}, 5).ok());
}

TEST(ThresholdReleaseTest, MarginsOverMultiValuedDimensionsAreNotEquations) {
  // kind x pillar, pillar multi-valued: the "margin" keeping kind is not a sum
  // of the table's cells, so its published 20 must not force a complement.
  CountTable table{{Named("kind", 2), Named("pillar", 2, true)}, {3, 30, 40, 50}};
  const std::vector<PublishedMargin> by_kind = {{{0}, {CellRelease{false, 20}, CellRelease{false, 90}}}};
  Result<TableRelease> release = ReleaseWithThreshold(table, by_kind, 5);
  ASSERT_TRUE(release.ok());
  EXPECT_EQ(Hidden(*release), (std::vector<bool>{true, false, false, false}));
  // The same table with pillar single-valued: the 3 needs a complement.
  table.dimensions[1].multi_valued = false;
  const std::vector<PublishedMargin> consistent = {{{0}, {CellRelease{false, 33}, CellRelease{false, 90}}}};
  Result<TableRelease> linear = ReleaseWithThreshold(table, consistent, 5);
  ASSERT_TRUE(linear.ok());
  EXPECT_EQ(Hidden(*linear), (std::vector<bool>{true, true, false, false}));
}

TEST(ThresholdReleaseTest, TableWithoutDimensionsIsTheMonthTotal) {
  CountTable small{{}, {3}};
  Result<TableRelease> hidden = ReleaseWithThreshold(small, {}, 5);
  ASSERT_TRUE(hidden.ok());
  EXPECT_EQ(*hidden, (TableRelease{CellRelease{true, 0}}));
  CountTable large{{}, {7}};
  EXPECT_EQ(*ReleaseWithThreshold(large, {}, 5), (TableRelease{CellRelease{false, 7}}));
}

TEST(ThresholdReleaseTest, ReleasesA3x6x13TableWithAllMarginsQuickly) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<int> count(0, 25);
  CountTable table{{Named("kind", 3), Named("region", 6), Named("sector", 13)}, {}};
  for (size_t cell = 0; cell < table.CellCount(); ++cell) table.counts.push_back(count(random));
  const auto start = std::chrono::steady_clock::now();
  std::vector<PublishedMargin> margins;
  for (const std::vector<size_t>& kept : std::vector<std::vector<size_t>>{{}, {0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}}) {
    std::vector<PublishedMargin> its;
    for (const PublishedMargin& earlier : margins) {
      if (earlier.dimension_indexes.size() >= kept.size() ||
          !std::includes(kept.begin(), kept.end(), earlier.dimension_indexes.begin(), earlier.dimension_indexes.end())) {
        continue;
      }
      std::vector<size_t> positions;
      for (size_t d : earlier.dimension_indexes) {
        positions.push_back(static_cast<size_t>(std::find(kept.begin(), kept.end(), d) - kept.begin()));
      }
      its.push_back({positions, earlier.release});
    }
    Result<TableRelease> release = ReleaseWithThreshold(MarginOf(table, kept), its, kDefaultThreshold);
    ASSERT_TRUE(release.ok());
    margins.push_back({kept, *release});
  }
  Result<TableRelease> release = ReleaseWithThreshold(table, margins, kDefaultThreshold);
  ASSERT_TRUE(release.ok());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  int hidden = 0;
  int primary = 0;
  for (size_t cell = 0; cell < table.counts.size(); ++cell) {
    hidden += (*release)[cell].suppressed;
    primary += table.counts[cell] >= 1 && table.counts[cell] < kDefaultThreshold;
    if (table.counts[cell] >= 1 && table.counts[cell] < kDefaultThreshold) {
      EXPECT_TRUE((*release)[cell].suppressed);
    }
  }
  std::printf("3x6x13 with 7 margins released first: %.1f ms, %d primary, %d hidden of %zu\n", ms, primary, hidden,
              table.counts.size());
  EXPECT_LT(ms, 2000);
}

TEST(ThresholdReleaseTest, JointReleaseOfA3x6x13TableAndItsSevenMargins) {
  std::mt19937_64 random(7);
  std::uniform_int_distribution<int> count(0, 25);
  CountTable table{{Named("kind", 3), Named("region", 6), Named("sector", 13)}, {}};
  for (size_t cell = 0; cell < table.CellCount(); ++cell) table.counts.push_back(count(random));
  const std::vector<std::vector<size_t>> margins = {{}, {0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}};
  const auto start = std::chrono::steady_clock::now();
  Result<JointRelease> release = ReleaseJointlyWithThreshold(table, {}, margins, kDefaultThreshold);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(release.ok()) << release.status().ToString();
  ASSERT_EQ(release->margins.size(), margins.size());
  int hidden = 0;
  for (const CellRelease& cell : release->table) hidden += cell.suppressed;
  for (size_t i = 0; i < margins.size(); ++i) {
    const CountTable truth = MarginOf(table, margins[i]);
    EXPECT_EQ(release->margins[i].dimension_indexes, margins[i]);
    ASSERT_EQ(release->margins[i].release.size(), truth.counts.size());
    for (size_t cell = 0; cell < truth.counts.size(); ++cell) {
      const CellRelease& published = release->margins[i].release[cell];
      const bool small = truth.counts[cell] >= 1 && truth.counts[cell] < kDefaultThreshold;
      EXPECT_TRUE(!small || published.suppressed);
      EXPECT_EQ(published.count, published.suppressed ? 0 : truth.counts[cell]);
    }
  }
  std::printf("3x6x13 released jointly with its 7 margins: %.1f ms, %d of 234 cells hidden\n", ms, hidden);
  EXPECT_LT(ms, 2000);
  // Deterministic too.
  Result<JointRelease> again = ReleaseJointlyWithThreshold(table, {}, margins, kDefaultThreshold);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->table, release->table);
  for (size_t i = 0; i < margins.size(); ++i) EXPECT_EQ(again->margins[i].release, release->margins[i].release);
}

TEST(ThresholdReleaseTest, LargestTablesStayFast) {
  // About 4,000 cells, most of them small: the worst case the API allows.
  std::mt19937_64 random(8);
  std::uniform_int_distribution<int> count(0, 14);
  CountTable table{{Named("kind", 10), Named("region", 20), Named("sector", 20)}, {}};
  for (size_t cell = 0; cell < table.CellCount(); ++cell) table.counts.push_back(count(random));
  const std::vector<std::vector<size_t>> margins = {{}, {0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}};
  const auto start = std::chrono::steady_clock::now();
  Result<JointRelease> release = ReleaseJointlyWithThreshold(table, {}, margins, kDefaultThreshold);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(release.ok());
  int hidden = 0;
  for (const CellRelease& cell : release->table) hidden += cell.suppressed;
  std::printf("10x20x20 released jointly with its 7 margins: %.0f ms, %d of 4000 cells hidden\n", ms, hidden);
  EXPECT_LT(ms, 20000);
}

TEST(ThresholdReleaseTest, JointReleaseRefusesBadNewMargins) {
  CountTable table{{Named("kind", 2), Named("pillar", 3, true)}, {1, 2, 3, 4, 5, 6}};
  const std::vector<std::vector<std::vector<size_t>>> bad = {{{2}}, {{1, 0}}, {{0, 1}}, {{0}}, {{}}};
  for (size_t i = 0; i < bad.size(); ++i) {
    Result<JointRelease> release = ReleaseJointlyWithThreshold(table, {}, bad[i], 5);
    ASSERT_FALSE(release.ok()) << i;
    EXPECT_EQ(release.status().field(), "new_margins") << i;  // {0} and {} sum out the multi-valued pillar
  }
  const std::vector<PublishedMargin> published = {{{1}, TableRelease(3)}};
  EXPECT_EQ(ReleaseJointlyWithThreshold(table, published, {{1}}, 5).status().field(), "new_margins");
  EXPECT_TRUE(ReleaseJointlyWithThreshold(table, {}, {{1}}, 5).ok());
  EXPECT_EQ(ReleaseJointlyWithThreshold(table, {}, {{1}}, 4).status().field(), "k");
}

}  // namespace
}  // namespace pillarbox::stats
