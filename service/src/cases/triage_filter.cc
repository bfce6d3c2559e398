#include "cases/triage_filter.h"

#include <algorithm>

#include "cases/calendar_day.h"
#include "cases/report_access.h"
#include "cases/report_workflow.h"

namespace pillarbox::cases {
namespace {

bool IsDeskId(const std::string& text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Copies `value` to `target` when present, after `valid` accepts it.
template <typename Valid>
Status Take(const std::optional<std::string>& value, const char* name, Valid valid, std::string& target) {
  if (!value.has_value()) return Status::Ok();
  if (!valid(*value)) return Status::InvalidArgument("is not a valid value", name);
  target = *value;
  return Status::Ok();
}

Status TakeAssignee(const std::optional<std::string>& value, const std::string& caller, TriageFilter& filter) {
  if (!value.has_value()) return Status::Ok();
  if (*value == "none") {
    filter.unassigned = true;
  } else if (*value == "me") {
    filter.assignee_id = caller;
  } else if (IsRandomId(*value)) {
    filter.assignee_id = *value;
  } else {
    return Status::InvalidArgument("must be a user id, me or none", "assignee");
  }
  return Status::Ok();
}

Status TakeOverdue(const std::optional<std::string>& value, TriageFilter& filter) {
  if (!value.has_value()) return Status::Ok();
  if (*value != "true" && *value != "false") return Status::InvalidArgument("must be true or false", "overdue");
  filter.overdue = *value == "true";
  return Status::Ok();
}

}  // namespace

Result<TriageFilter> ParseTriageFilter(const TriageQuery& query, const TriageVocabulary& vocabulary,
                                       const std::string& caller_user_id) {
  auto in = [](const std::set<std::string>& values) {
    return [&values](const std::string& value) { return values.count(value) > 0; };
  };
  auto is_status = [](const std::string& value) { return IsReportStatus(value); };
  auto is_id = [](const std::string& value) { return IsRandomId(value); };
  auto is_day = [](const std::string& value) { return IsCalendarDay(value); };
  TriageFilter filter;
  PB_RETURN_IF_ERROR(Take(query.kind, "kind", in(vocabulary.kinds), filter.kind));
  PB_RETURN_IF_ERROR(Take(query.desk, "desk", IsDeskId, filter.desk));
  PB_RETURN_IF_ERROR(Take(query.region, "region", in(vocabulary.regions), filter.region));
  PB_RETURN_IF_ERROR(Take(query.sector, "sector", in(vocabulary.sectors), filter.sector));
  PB_RETURN_IF_ERROR(Take(query.status, "status", is_status, filter.status));
  PB_RETURN_IF_ERROR(Take(query.tag, "tag", is_id, filter.tag_id));
  PB_RETURN_IF_ERROR(Take(query.pillar, "pillar", in(vocabulary.pillars), filter.pillar));
  PB_RETURN_IF_ERROR(TakeAssignee(query.assignee, caller_user_id, filter));
  PB_RETURN_IF_ERROR(Take(query.from, "from", is_day, filter.from_day));
  PB_RETURN_IF_ERROR(Take(query.to, "to", is_day, filter.to_day));
  if (!filter.from_day.empty() && !filter.to_day.empty() && filter.from_day > filter.to_day) {
    return Status::InvalidArgument("must not be after to", "from");
  }
  PB_RETURN_IF_ERROR(TakeOverdue(query.overdue, filter));
  return filter;
}

}  // namespace pillarbox::cases
