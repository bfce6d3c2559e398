// Retention policy: how long Pillarbox keeps reports, cases and evidence
// bundles before the scheduled purge (cases/retention_purge.h) crypto-shreds
// them. Stored in the settings table; admins change it
// (PUT /api/v1/settings/retention), admins and reviewers read it.
//
// Settings keys (a missing key means the default):
//   retention.kind.<kind>.delete_closed_after_days   default 180
//   retention.kind.<kind>.delete_any_after_days      default off ("off")
//   retention.delete_closed_cases_after_days         default 730
//   retention.delete_bundles_after_days              default 30
//   retention.last_purge   "day=YYYY-MM-DD;reports=N;cases=N;bundles=N"
// Every number of days is a whole number in 1..3650.
//
// The rules (docs/OPERATIONS.md "Retention"), with `today` the UTC day:
// - A report is due when it is closed and closed_day + delete_closed_after_days
//   <= today, or (when its kind's delete_any_after_days is set) when
//   received_day + delete_any_after_days <= today, whatever its status.
// - A report is NEVER purged while it is linked to a case that is open or to
//   a case on legal hold.
// - A case is due when it has been closed or merged for
//   delete_closed_cases_after_days and is not on legal hold (and no case
//   still names it as merged_into); its links, notes, events and bundles go
//   with it, its reports follow their own rule.
// - An evidence bundle is due delete_bundles_after_days after its creation.
// - A reporter's own deletion request is not part of this: it is immediate
//   and wins over every hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::cases {

inline constexpr int kMinRetentionDays = 1;
inline constexpr int kMaxRetentionDays = 3650;
inline constexpr int kDefaultDeleteClosedAfterDays = 180;
inline constexpr int kDefaultDeleteClosedCasesAfterDays = 730;
inline constexpr int kDefaultDeleteBundlesAfterDays = 30;

// The policy of one report kind.
struct KindRetention {
  std::string kind;
  int delete_closed_after_days = kDefaultDeleteClosedAfterDays;
  std::optional<int> delete_any_after_days;  // nullopt: no maximum age
  bool operator==(const KindRetention&) const = default;
};

// What the last purge removed.
struct PurgeCounts {
  std::string day;  // YYYY-MM-DD (UTC) it ran
  int64_t reports = 0;
  int64_t cases = 0;
  int64_t bundles = 0;
  bool operator==(const PurgeCounts&) const = default;
};

// The whole stored policy.
struct RetentionPolicy {
  std::vector<KindRetention> kinds;  // one per known kind, in the order given to LoadRetentionPolicy
  int delete_closed_cases_after_days = kDefaultDeleteClosedCasesAfterDays;
  int delete_bundles_after_days = kDefaultDeleteBundlesAfterDays;
  std::optional<PurgeCounts> last_purge;  // nullopt before the first purge
};

// A change of one kind's policy: absent members stay as they are.
struct KindRetentionChange {
  std::string kind;
  std::optional<int64_t> delete_closed_after_days;
  bool change_delete_any = false;              // delete_any_after_days was given
  std::optional<int64_t> delete_any_after_days;  // with change_delete_any: nullopt turns it off
};

// A change of the policy (PUT /api/v1/settings/retention): absent members
// stay as they are.
struct RetentionPolicyChange {
  std::vector<KindRetentionChange> policies;
  std::optional<int64_t> delete_closed_cases_after_days;
  std::optional<int64_t> delete_bundles_after_days;
};

// The stored policy for `kinds` (defaults for missing keys). DataLoss when a
// stored value is malformed.
Result<RetentionPolicy> LoadRetentionPolicy(store::Database& db, const std::vector<std::string>& kinds);

// Ok when every member of `change` is valid for `kinds`; otherwise
// InvalidArgument naming the first bad member: "policies[i].kind" (unknown
// or repeated kind), "policies[i].delete_closed_after_days",
// "policies[i].delete_any_after_days", "delete_closed_cases_after_days" or
// "delete_bundles_after_days" (not in 1..3650).
Status ValidateRetentionChange(const RetentionPolicyChange& change, const std::vector<std::string>& kinds);

// Stores the members of `change` (call ValidateRetentionChange first).
// Returns how many settings rows it wrote. Must run inside a write op.
Result<int> StoreRetentionChange(store::Database& db, const RetentionPolicyChange& change);

// Stores `counts` as the last purge. Must run inside a write op.
Status StoreLastPurge(store::Database& db, const PurgeCounts& counts);

}  // namespace pillarbox::cases
