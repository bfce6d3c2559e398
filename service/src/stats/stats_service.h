// StatsService: the researchers' statistics API (issue 6; docs/ARCHITECTURE.md
// "Researcher statistics", privacy/ANONYMIZATION.md). Report counts per received month
// over at most 3 clear dimensions, released either with the threshold
// mechanism (cells under k suppressed, with complementary suppression
// against the margins, every release logged and frozen) or with discrete
// Laplace noise charged to the researcher's privacy budget. Answers carry
// months and closed values only: never a report id, a day or free text.
// Thread-safe (reads lease their own reader; writes go through the group
// commit writer; the random source is used under a lock).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "accounts/session_store.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "stats/discrete_laplace.h"
#include "stats/threshold_release.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"
#include "store/stats_queries.h"

namespace pillarbox::stats {

inline constexpr size_t kMaxStatsDimensions = 3;
inline constexpr int kMaxStatsMonths = 60;
inline constexpr int64_t kDefaultEpsilonBudgetMicro = 10'000'000;  // epsilon 10 per researcher

// A dimension researchers may group by.
struct StatsDimensionSpec {
  std::string name;                 // "kind", "pillar", "answer.consent", ...
  std::vector<std::string> values;  // the closed vocabulary, in answer order
  bool multi_valued = false;        // a report may have several values, or none
  int64_t max_values_per_report = 1;  // DP sensitivity factor
  store::StatsColumn column;
};

// Every dimension, in canonical order (answers use that order whatever order
// group_by names them in).
struct StatsVocabulary {
  std::vector<StatsDimensionSpec> dimensions;
};

struct StatsOptions {
  int64_t threshold = kDefaultThreshold;                 // k, >= kMinimumThreshold
  int64_t epsilon_budget_micro = kDefaultEpsilonBudgetMicro;  // each researcher's budget
};

// Query parameters as received; nullopt when absent.
struct StatsRequest {
  std::optional<std::string> group_by, from, to, mechanism, epsilon;
};

// One published cell.
struct StatsCell {
  std::string month;                // YYYY-MM
  std::vector<std::string> values;  // one per answer dimension
  bool suppressed = false;
  int64_t count = 0;  // meaningful when !suppressed; DP counts may be negative
};

struct StatsAnswer {
  std::string mechanism;                // "threshold" or "dp"
  int64_t k = 0;                        // threshold only
  std::string epsilon;                  // dp only, decimal
  std::string remaining_budget;         // decimal epsilon left to the caller
  std::vector<std::string> dimensions;  // canonical order; the month is always first and implicit
  std::vector<StatsCell> cells;         // by month, then row-major over dimensions
};

class StatsService {
 public:
  // The references must outlive the service. `random` must stay valid too; it
  // is only used under the service's lock. A query counting reports holds one
  // connection of `readers` and, when another is free at that moment, a
  // second one to read in parallel (a pool of 2 lets one query use both
  // cores). InvalidArgument (field "k") is
  // not checked here: Make() does.
  static Result<std::unique_ptr<StatsService>> Make(store::ReaderPool& readers, store::GroupCommitWriter& writer,
                                                    const privacy::SecretKey& audit_key, const Clock& clock,
                                                    StatsVocabulary vocabulary, StatsOptions options,
                                                    UniformSource& random);

  // Answers `request` for `session`. PermissionDenied for every role but
  // researcher. InvalidArgument naming the parameter: group_by (unknown or
  // repeated dimension, more than 3), from / to (not YYYY-MM, from after to,
  // more than 60 months, to not before the current month), mechanism (not
  // threshold or dp), epsilon (missing, malformed, zero or negative for dp;
  // given for threshold). Conflict (field "epsilon") when epsilon exceeds
  // the caller's remaining budget; nothing is charged then. Every answered
  // query writes a `stats.queried` audit entry in the same write as its
  // release log rows or its budget charge.
  Result<StatsAnswer> Query(const accounts::Session& session, const StatsRequest& request);

 private:
  StatsService(store::ReaderPool& readers, store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key,
               const Clock& clock, StatsVocabulary vocabulary, StatsOptions options, UniformSource& random)
      : readers_(readers),
        writer_(writer),
        audit_key_(audit_key),
        clock_(clock),
        vocabulary_(std::move(vocabulary)),
        options_(options),
        random_(random) {}

  struct Parsed;
  Result<Parsed> Parse(const StatsRequest& request) const;
  Result<StatsAnswer> QueryThreshold(const accounts::Session& session, const Parsed& parsed);
  Result<StatsAnswer> QueryDp(const accounts::Session& session, const Parsed& parsed);
  Result<std::string> RemainingBudget(const std::string& user_id);

  store::ReaderPool& readers_;
  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
  const StatsVocabulary vocabulary_;
  const StatsOptions options_;
  std::mutex random_mutex_;
  UniformSource& random_;
};

// "9.5" for 9'500'000 micro-epsilon (no trailing zeros).
std::string FormatMicro(int64_t micro);

}  // namespace pillarbox::stats
