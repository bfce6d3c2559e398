// In-memory counting for CountReportsPerMonth (store/stats_queries.h): the
// reports of the range are read month by month from the covering index
// reports_by_day_clear (only the clear columns asked for, and the id when a
// multi-valued column is asked for; grouped by SQLite when only kind and
// region are asked for), the link rows of each multi-valued column are read
// in one scan each in report id order and matched to the reports by a merge
// on parsed ids (store/hex_id.h), and the counts are accumulated on small
// integer codes. With a second connection the reads (tasks: each link
// source, then each month) and the matching and counting run on two threads.
// This replaces one B-tree seek per report and link (seconds at 1,000,000
// reports) by sequential scans. Internal to store/; free functions and
// classes are thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "store/database.h"
#include "store/stats_queries.h"

namespace pillarbox::store {

// Interned values: book 0 holds months, book i + 1 the values of column i;
// each distinct value gets a 16-bit code. Thread-compatible.
class StatsValueCodes {
 public:
  explicit StatsValueCodes(size_t width) : books_(width + 1) {}

  // The code of `value` in `book`. FailedPrecondition past 65,536 values.
  Result<uint64_t> Code(size_t book, std::string_view value);
  // The value of `code` in `book` (a code this object returned).
  const std::string& Value(size_t book, uint64_t code) const { return books_[book].values[code]; }
  // How many values `book` holds.
  size_t Size(size_t book) const { return books_[book].values.size(); }

 private:
  struct Book {
    std::vector<std::string> values;
    std::unordered_map<std::string, uint64_t> codes;
    uint64_t last = UINT64_MAX;  // the code returned last (cheap repeated hits)
  };
  std::vector<Book> books_;
};

// Counts keyed by a packed (month, value codes) key: the month code in bits
// 0-15, the code of the p-th column of the counted set in bits 16(p+1)..
// A flat open-addressing table (a few thousand keys at most: it stays in
// cache). Thread-compatible.
class StatsKeyCounts {
 public:
  void Add(uint64_t key, int64_t count) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t slot = Mix(key) & (slots_.size() - 1);
    while (slots_[slot].used && slots_[slot].key != key) slot = (slot + 1) & (slots_.size() - 1);
    if (!slots_[slot].used) {
      slots_[slot].used = true;
      slots_[slot].key = key;
      ++size_;
    }
    slots_[slot].count += count;
  }
  // Adds every count of `other` (counted with the same codes).
  void AddAll(const StatsKeyCounts& other);
  // The groups, sorted by month then values; position p of the key decoded
  // with book columns[p] + 1 of `codes`.
  std::vector<StatsRow> Rows(const StatsValueCodes& codes, const std::vector<size_t>& columns) const;

 private:
  struct Slot {
    uint64_t key = 0;
    int64_t count = 0;
    bool used = false;
  };
  static uint64_t Mix(uint64_t key) {
    key *= 0x9e3779b97f4a7c15ULL;
    return key ^ (key >> 29);
  }
  void Grow();

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// For each of `subsets` (ascending indexes into `columns`, at most 3 columns
// in all), the counts per month and value combination of those columns for
// the non-demo reports received in months `from_month`..`to_month`
// ("YYYY-MM"; none when from > to), sorted by month then values: result[s] equals
// CountReportsPerMonth over the columns of subsets[s]. One walk of the
// reports and one scan per multi-valued column serve every subset. When
// `helper` is given (another connection to the same database, used by no
// other thread meanwhile) half of the reads run on it in a second thread.
// The reads are separate statements (as they were on one connection): a
// report written meanwhile may be seen by one and not the other. Unavailable
// on I/O errors; InvalidArgument (field "from" or "to") when a month is not
// YYYY-MM; FailedPrecondition past 65,536 distinct values of a column.
Result<std::vector<std::vector<StatsRow>>> CountSubsetsInMemory(Database& db, Database* helper,
                                                                const std::vector<StatsColumn>& columns,
                                                                const std::vector<std::vector<size_t>>& subsets,
                                                                std::string_view from_month,
                                                                std::string_view to_month);

}  // namespace pillarbox::store
