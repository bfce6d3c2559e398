#include "http/retention_json.h"

#include <pistache/router.h>

#include <limits>
#include <string>

#include "http/json_request.h"

namespace pillarbox::http {
namespace {

using nlohmann::json;

// A whole number of days, or InvalidArgument naming `field`. Numbers far out
// of range stay out of range (the policy check names them).
Result<int64_t> ReadDays(const json& value, const std::string& field) {
  if (!value.is_number_integer()) return Status::InvalidArgument("must be a whole number of days", field);
  if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return std::numeric_limits<int64_t>::max();
  }
  return value.get<int64_t>();
}

Result<cases::KindRetentionChange> DecodeKindChange(const json& item, const std::string& prefix) {
  if (!item.is_object()) return Status::InvalidArgument("must be an object", prefix);
  cases::KindRetentionChange change;
  bool has_kind = false;
  for (const auto& [name, value] : item.items()) {
    const std::string field = prefix + "." + name;
    if (name == "kind") {
      if (!value.is_string()) return Status::InvalidArgument("must be a string", field);
      change.kind = value.get<std::string>();
      has_kind = true;
    } else if (name == "delete_closed_after_days") {
      PB_ASSIGN_OR_RETURN(change.delete_closed_after_days, ReadDays(value, field));
    } else if (name == "delete_any_after_days") {
      change.change_delete_any = true;
      if (!value.is_null()) {
        PB_ASSIGN_OR_RETURN(change.delete_any_after_days, ReadDays(value, field));
      }
    } else {
      return Status::InvalidArgument("is not a member of a kind's policy", field);
    }
  }
  if (!has_kind) return Status::InvalidArgument("is required", prefix + ".kind");
  return change;
}

Status DecodePolicies(const json& policies, cases::RetentionPolicyChange& change) {
  if (!policies.is_array()) return Status::InvalidArgument("must be an array", "policies");
  for (size_t i = 0; i < policies.size(); ++i) {
    PB_ASSIGN_OR_RETURN(auto item, DecodeKindChange(policies[i], "policies[" + std::to_string(i) + "]"));
    change.policies.push_back(std::move(item));
  }
  return Status::Ok();
}

json LastPurgeJson(const std::optional<cases::PurgeCounts>& last) {
  if (!last.has_value()) return nullptr;
  return {{"day", last->day}, {"reports", last->reports}, {"cases", last->cases}, {"bundles", last->bundles}};
}

}  // namespace

json RetentionPolicyJson(const cases::RetentionPolicy& policy) {
  json policies = json::array();
  for (const cases::KindRetention& kind : policy.kinds) {
    policies.push_back({{"kind", kind.kind},
                        {"delete_closed_after_days", kind.delete_closed_after_days},
                        {"delete_any_after_days", kind.delete_any_after_days.has_value()
                                                      ? json(*kind.delete_any_after_days)
                                                      : json(nullptr)}});
  }
  return {{"policies", std::move(policies)},
          {"delete_closed_cases_after_days", policy.delete_closed_cases_after_days},
          {"delete_bundles_after_days", policy.delete_bundles_after_days},
          {"last_purge", LastPurgeJson(policy.last_purge)}};
}

Result<cases::RetentionPolicyChange> DecodeRetentionChange(const json& body) {
  cases::RetentionPolicyChange change;
  for (const auto& [name, value] : body.items()) {
    if (name == "policies") {
      PB_RETURN_IF_ERROR(DecodePolicies(value, change));
    } else if (name == "delete_closed_cases_after_days") {
      PB_ASSIGN_OR_RETURN(change.delete_closed_cases_after_days, ReadDays(value, name));
    } else if (name == "delete_bundles_after_days") {
      PB_ASSIGN_OR_RETURN(change.delete_bundles_after_days, ReadDays(value, name));
    } else if (name != "last_purge") {
      return Status::InvalidArgument("is not a member of the retention policy", name);
    }
  }
  return change;
}

Result<bool> DecodeLegalHold(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const json body, ParseJsonObjectBody(request));
  for (const auto& [name, value] : body.items()) {
    if (name != "held") return Status::InvalidArgument("is not a member of this request", name);
  }
  const auto held = body.find("held");
  if (held == body.end() || !held->is_boolean()) return Status::InvalidArgument("must be true or false", "held");
  return held->get<bool>();
}

}  // namespace pillarbox::http
