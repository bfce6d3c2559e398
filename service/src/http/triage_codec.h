// JSON and query-string codecs of the triage and workflow endpoints: a
// queue item as JSON, the filter parameters of GET /api/v1/reports, and the
// bodies of the status, assignee and deadline requests (each through the
// JSON envelope, http/json_request.h). Errors name the offending field.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "cases/deadlines.h"
#include "cases/triage_filter.h"
#include "cases/triage_queue.h"
#include "cases/workflow_service.h"
#include "common/status.h"

namespace Pistache::Rest {
class Request;
}

namespace pillarbox::http {

// {"id","kind","desk","received_day","region","sector","status",
//  "close_reason"|null,"assignee"|null,"revision","tags":[ids],"pillars":[..],
//  "acknowledged_day"|null,"first_feedback_day"|null,"acknowledge_due_day",
//  "feedback_due_day","overdue"}
// The workflow members of a report (status, close_reason, assignee,
// revision, acknowledged_day, first_feedback_day, acknowledge_due_day,
// feedback_due_day, overdue), shared by the queue and GET /reports/{id}.
nlohmann::json WorkflowStateJson(const cases::TriageItem& item);

nlohmann::json TriageItemJson(const cases::TriageItem& item);

// The filter parameters present in the request's query string (not decoded:
// every accepted value is plain [a-z0-9_-]).
cases::TriageQuery DecodeTriageQuery(const Pistache::Rest::Request& request);

// The "limit" parameter (50 when absent); InvalidArgument naming "limit"
// when it is not a whole number.
Result<int> DecodeLimit(const Pistache::Rest::Request& request);

// {"status": string, "reason": string|null (optional), "revision": integer}.
Result<cases::StatusChange> DecodeStatusChange(const Pistache::Rest::Request& request);

// {"assignee": user id|null, "revision": integer}; "" for null.
struct AssigneeChange {
  std::string assignee_id;
  int64_t revision = -1;
};
Result<AssigneeChange> DecodeAssigneeChange(const Pistache::Rest::Request& request);

// {"acknowledge_days": integer, "feedback_days": integer}.
Result<cases::Deadlines> DecodeDeadlines(const Pistache::Rest::Request& request);

nlohmann::json DeadlinesJson(const cases::Deadlines& deadlines);

}  // namespace pillarbox::http
