// JSON codecs of the retention API: the policy as GET and PUT
// /api/v1/settings/retention return it, and the PUT body decoded into a
// cases::RetentionPolicyChange (named-field errors; unknown members refused;
// "last_purge" ignored so a client may send back what it read).
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/retention_policy.h"
#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// {"policies":[{"kind","delete_closed_after_days","delete_any_after_days"|null}...],
//  "delete_closed_cases_after_days","delete_bundles_after_days",
//  "last_purge": null | {"day","reports","cases","bundles"}}.
nlohmann::json RetentionPolicyJson(const cases::RetentionPolicy& policy);

// The PUT body: every member optional. InvalidArgument naming the member
// ("policies", "policies[i]", "policies[i].kind",
// "policies[i].delete_closed_after_days", "delete_bundles_after_days", ...)
// when it has the wrong type or is unknown; ranges are checked by
// cases::ValidateRetentionChange.
Result<cases::RetentionPolicyChange> DecodeRetentionChange(const nlohmann::json& body);

// The body of PUT /api/v1/cases/{id}/legal-hold: {"held": true|false}.
// InvalidArgument naming "held" (or the unknown member).
Result<bool> DecodeLegalHold(const Pistache::Rest::Request& request);

}  // namespace pillarbox::http
