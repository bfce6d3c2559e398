#include "http/triage_codec.h"

#include <pistache/router.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "http/json_request.h"
#include "http/query_parameter.h"

namespace pillarbox::http {
namespace {

nlohmann::json TextOrNull(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

// Member `name` of `body` as a whole number in [min, max].
Result<int64_t> ReadInteger(const nlohmann::json& body, const char* name, int64_t min, int64_t max) {
  const auto member = body.find(name);
  if (member == body.end() || !member->is_number_integer()) {
    return Status::InvalidArgument("must be a whole number", name);
  }
  const auto value = member->get<int64_t>();
  if (member->is_number_unsigned() && member->get<uint64_t>() > static_cast<uint64_t>(max)) {
    return Status::InvalidArgument("is out of range", name);
  }
  if (value < min || value > max) return Status::InvalidArgument("is out of range", name);
  return value;
}

// Member `name` of `body`: a string, or "" when null (or absent if `optional`).
Result<std::string> ReadStringOrNull(const nlohmann::json& body, const char* name, bool optional) {
  const auto member = body.find(name);
  if (member == body.end()) {
    if (optional) return std::string();
    return Status::InvalidArgument("is required (a string or null)", name);
  }
  if (member->is_null()) return std::string();
  if (!member->is_string()) return Status::InvalidArgument("must be a string or null", name);
  return member->get<std::string>();
}

}  // namespace

nlohmann::json WorkflowStateJson(const cases::TriageItem& item) {
  const store::TriageRow& row = item.row;
  return {{"status", row.summary.status},
          {"close_reason", TextOrNull(row.close_reason)},
          {"assignee", TextOrNull(row.assignee_id)},
          {"revision", row.revision},
          {"acknowledged_day", TextOrNull(row.acknowledged_day)},
          {"first_feedback_day", TextOrNull(row.first_feedback_day)},
          {"acknowledge_due_day", item.acknowledge_due_day},
          {"feedback_due_day", item.feedback_due_day},
          {"overdue", item.overdue}};
}

nlohmann::json TriageItemJson(const cases::TriageItem& item) {
  const store::TriageRow& row = item.row;
  const store::ReportSummary& summary = row.summary;
  nlohmann::json json = {{"id", summary.id},
                         {"kind", summary.kind},
                         {"desk", summary.desk_id},
                         {"received_day", summary.received_day},
                         {"region", summary.region},
                         {"sector", summary.sector},
                         {"demo", summary.demo},
                         {"tags", row.tags},
                         {"pillars", row.pillars}};
  json.update(WorkflowStateJson(item));
  return json;
}

cases::TriageQuery DecodeTriageQuery(const Pistache::Rest::Request& request) {
  cases::TriageQuery triage;
  triage.kind = QueryParameter(request, "kind");
  triage.desk = QueryParameter(request, "desk");
  triage.region = QueryParameter(request, "region");
  triage.sector = QueryParameter(request, "sector");
  triage.status = QueryParameter(request, "status");
  triage.tag = QueryParameter(request, "tag");
  triage.pillar = QueryParameter(request, "pillar");
  triage.assignee = QueryParameter(request, "assignee");
  triage.from = QueryParameter(request, "from");
  triage.to = QueryParameter(request, "to");
  triage.overdue = QueryParameter(request, "overdue");
  return triage;
}

Result<int> DecodeLimit(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const int64_t limit, QueryWholeNumber(request, "limit", 50));
  // Out of int's range is out of every service's range too: clamp, the service refuses.
  return static_cast<int>(std::clamp<int64_t>(limit, -1, 1'000'000));
}

Result<cases::StatusChange> DecodeStatusChange(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  cases::StatusChange change;
  PB_RETURN_IF_ERROR(ReadStringMembers(body, {{"status", &change.status}}));
  PB_ASSIGN_OR_RETURN(change.reason, ReadStringOrNull(body, "reason", true));
  PB_ASSIGN_OR_RETURN(change.revision, ReadInteger(body, "revision", 0, std::numeric_limits<int64_t>::max()));
  return change;
}

Result<AssigneeChange> DecodeAssigneeChange(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  AssigneeChange change;
  PB_ASSIGN_OR_RETURN(change.assignee_id, ReadStringOrNull(body, "assignee", false));
  PB_ASSIGN_OR_RETURN(change.revision, ReadInteger(body, "revision", 0, std::numeric_limits<int64_t>::max()));
  return change;
}

Result<cases::Deadlines> DecodeDeadlines(const Pistache::Rest::Request& request) {
  PB_ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonObjectBody(request));
  cases::Deadlines deadlines;
  PB_ASSIGN_OR_RETURN(const int64_t acknowledge,
                      ReadInteger(body, "acknowledge_days", cases::kMinDeadlineDays, cases::kMaxDeadlineDays));
  PB_ASSIGN_OR_RETURN(const int64_t feedback,
                      ReadInteger(body, "feedback_days", cases::kMinDeadlineDays, cases::kMaxDeadlineDays));
  deadlines.acknowledge_days = static_cast<int>(acknowledge);
  deadlines.feedback_days = static_cast<int>(feedback);
  return deadlines;
}

nlohmann::json DeadlinesJson(const cases::Deadlines& deadlines) {
  return {{"acknowledge_days", deadlines.acknowledge_days}, {"feedback_days", deadlines.feedback_days}};
}

}  // namespace pillarbox::http
