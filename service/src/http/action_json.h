// JSON codecs of the actions API: request bodies decoded into the cases/
// request types (named-field errors, unknown members refused) and actions
// encoded for responses. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "cases/action_service.h"
#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// {"kind", "subtype", "name", "region", "status"?, "organization"?,
// "jurisdiction"?, "start_day"?, "end_day"?}: strings (the days may be null);
// status defaults to "planned", the others to "". InvalidArgument naming the
// member that is missing, not a string or unknown.
Result<cases::NewAction> DecodeNewAction(const Pistache::Rest::Request& request);

// {"revision", and any of the members of DecodeNewAction}; a null day clears
// it. InvalidArgument naming the member.
Result<cases::ActionUpdate> DecodeActionUpdate(const Pistache::Rest::Request& request);

// The query parameters kind, status and region of GET /api/v1/actions.
cases::ActionQuery DecodeActionQuery(const Pistache::Rest::Request& request);

// {id, kind, subtype, name, organization, jurisdiction, region, status,
// start_day, end_day (null when unset), demo, revision}.
nlohmann::json ActionJson(const store::ActionRecord& action);

// ActionJson plus "case_ids": the linked cases visible to the caller.
nlohmann::json ActionViewJson(const cases::ActionView& view);

// {"actions": [ActionJson...]}.
nlohmann::json ActionListJson(const std::vector<store::ActionRecord>& actions);

}  // namespace pillarbox::http
