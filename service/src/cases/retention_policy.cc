#include "cases/retention_policy.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "store/settings_repository.h"

namespace pillarbox::cases {
namespace {

constexpr char kCasesKey[] = "retention.delete_closed_cases_after_days";
constexpr char kBundlesKey[] = "retention.delete_bundles_after_days";
constexpr char kLastPurgeKey[] = "retention.last_purge";
constexpr char kOff[] = "off";

std::string ClosedKey(const std::string& kind) { return "retention.kind." + kind + ".delete_closed_after_days"; }
std::string AnyKey(const std::string& kind) { return "retention.kind." + kind + ".delete_any_after_days"; }

bool InRange(int64_t days) { return days >= kMinRetentionDays && days <= kMaxRetentionDays; }

// `text` as a whole number, or nullopt.
std::optional<int64_t> ParseWhole(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Reads days setting `key` into `days` (left alone when missing).
Status LoadDays(store::Database& db, const std::string& key, int& days) {
  PB_ASSIGN_OR_RETURN(const auto text, store::LoadSetting(db, key));
  if (!text.has_value()) return Status::Ok();
  const auto value = ParseWhole(*text);
  if (!value.has_value() || !InRange(*value)) return Status::DataLoss("a stored retention setting is malformed");
  days = static_cast<int>(*value);
  return Status::Ok();
}

Status LoadOptionalDays(store::Database& db, const std::string& key, std::optional<int>& days) {
  PB_ASSIGN_OR_RETURN(const auto text, store::LoadSetting(db, key));
  if (!text.has_value() || *text == kOff) return Status::Ok();
  int value = 0;
  PB_RETURN_IF_ERROR(LoadDays(db, key, value));
  days = value;
  return Status::Ok();
}

// "day=YYYY-MM-DD;reports=N;cases=N;bundles=N" back into counts.
Result<std::optional<PurgeCounts>> LoadLastPurge(store::Database& db) {
  PB_ASSIGN_OR_RETURN(const auto text, store::LoadSetting(db, kLastPurgeKey));
  if (!text.has_value()) return std::optional<PurgeCounts>();
  PurgeCounts counts;
  std::string_view rest = *text;
  int found = 0;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find(';'), rest.size());
    const std::string_view pair = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos) return Status::DataLoss("the stored last purge is malformed");
    const std::string_view key = pair.substr(0, equals);
    const std::string_view value = pair.substr(equals + 1);
    if (key == "day") {
      counts.day = std::string(value);
      ++found;
      continue;
    }
    const auto number = ParseWhole(value);
    int64_t* target = key == "reports" ? &counts.reports : key == "cases" ? &counts.cases
                      : key == "bundles" ? &counts.bundles : nullptr;
    if (!number.has_value() || target == nullptr) return Status::DataLoss("the stored last purge is malformed");
    *target = *number;
    ++found;
  }
  if (found != 4) return Status::DataLoss("the stored last purge is malformed");
  return std::optional<PurgeCounts>(counts);
}

Status CheckDays(const std::optional<int64_t>& days, const std::string& field) {
  if (days.has_value() && !InRange(*days)) return Status::InvalidArgument("must be a whole number 1 to 3650", field);
  return Status::Ok();
}

Status CheckKindChange(const KindRetentionChange& change, size_t index, const std::vector<std::string>& kinds,
                       std::set<std::string>& seen) {
  const std::string prefix = "policies[" + std::to_string(index) + "].";
  if (std::find(kinds.begin(), kinds.end(), change.kind) == kinds.end()) {
    return Status::InvalidArgument("is not a report kind of this instance", prefix + "kind");
  }
  if (!seen.insert(change.kind).second) return Status::InvalidArgument("names a kind twice", prefix + "kind");
  PB_RETURN_IF_ERROR(CheckDays(change.delete_closed_after_days, prefix + "delete_closed_after_days"));
  return CheckDays(change.delete_any_after_days, prefix + "delete_any_after_days");
}

}  // namespace

Result<RetentionPolicy> LoadRetentionPolicy(store::Database& db, const std::vector<std::string>& kinds) {
  RetentionPolicy policy;
  for (const std::string& kind : kinds) {
    KindRetention entry;
    entry.kind = kind;
    PB_RETURN_IF_ERROR(LoadDays(db, ClosedKey(kind), entry.delete_closed_after_days));
    PB_RETURN_IF_ERROR(LoadOptionalDays(db, AnyKey(kind), entry.delete_any_after_days));
    policy.kinds.push_back(std::move(entry));
  }
  PB_RETURN_IF_ERROR(LoadDays(db, kCasesKey, policy.delete_closed_cases_after_days));
  PB_RETURN_IF_ERROR(LoadDays(db, kBundlesKey, policy.delete_bundles_after_days));
  PB_ASSIGN_OR_RETURN(policy.last_purge, LoadLastPurge(db));
  return policy;
}

Status ValidateRetentionChange(const RetentionPolicyChange& change, const std::vector<std::string>& kinds) {
  std::set<std::string> seen;
  for (size_t i = 0; i < change.policies.size(); ++i) {
    PB_RETURN_IF_ERROR(CheckKindChange(change.policies[i], i, kinds, seen));
  }
  PB_RETURN_IF_ERROR(CheckDays(change.delete_closed_cases_after_days, "delete_closed_cases_after_days"));
  return CheckDays(change.delete_bundles_after_days, "delete_bundles_after_days");
}

Result<int> StoreRetentionChange(store::Database& db, const RetentionPolicyChange& change) {
  int written = 0;
  for (const KindRetentionChange& kind : change.policies) {
    if (kind.delete_closed_after_days.has_value()) {
      PB_RETURN_IF_ERROR(
          store::StoreSetting(db, ClosedKey(kind.kind), std::to_string(*kind.delete_closed_after_days)));
      ++written;
    }
    if (kind.change_delete_any) {
      const std::string value =
          kind.delete_any_after_days.has_value() ? std::to_string(*kind.delete_any_after_days) : kOff;
      PB_RETURN_IF_ERROR(store::StoreSetting(db, AnyKey(kind.kind), value));
      ++written;
    }
  }
  if (change.delete_closed_cases_after_days.has_value()) {
    PB_RETURN_IF_ERROR(store::StoreSetting(db, kCasesKey, std::to_string(*change.delete_closed_cases_after_days)));
    ++written;
  }
  if (change.delete_bundles_after_days.has_value()) {
    PB_RETURN_IF_ERROR(store::StoreSetting(db, kBundlesKey, std::to_string(*change.delete_bundles_after_days)));
    ++written;
  }
  return written;
}

Status StoreLastPurge(store::Database& db, const PurgeCounts& counts) {
  return store::StoreSetting(db, kLastPurgeKey,
                             "day=" + counts.day + ";reports=" + std::to_string(counts.reports) +
                                 ";cases=" + std::to_string(counts.cases) +
                                 ";bundles=" + std::to_string(counts.bundles));
}

}  // namespace pillarbox::cases
