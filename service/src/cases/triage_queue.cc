#include "cases/triage_queue.h"

#include <algorithm>
#include <optional>

#include "cases/calendar_day.h"
#include "cases/report_access.h"
#include "cases/report_workflow.h"
#include "store/desk_repository.h"

namespace pillarbox::cases {
namespace {

// "YYYY-MM-DD.<report id>" -> cursor; "" is the start.
Result<store::TriageCursor> ParseCursor(std::string_view text) {
  if (text.empty()) return store::TriageCursor{};
  const size_t dot = text.find('.');
  if (dot == std::string_view::npos || !IsCalendarDay(text.substr(0, dot)) || !IsRandomId(text.substr(dot + 1))) {
    return Status::InvalidArgument("is not a cursor from an earlier page", "after");
  }
  return store::TriageCursor{std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))};
}

// The desks the caller may see, narrowed by the desk filter and by the desk
// that receives the kind filter's reports. `kind_implied` is set when that
// desk receives no other kind (then the kind needs no check per row).
Result<std::vector<std::string>> VisibleDesks(const accounts::Session& session, const TriageFilter& filter,
                                              store::Database& db, bool& kind_implied) {
  std::optional<std::string> kind_desk;
  kind_implied = false;
  if (!filter.kind.empty()) {
    PB_ASSIGN_OR_RETURN(const auto desks, store::ListDesks(db));
    kind_desk = "";
    for (const auto& desk : desks) {
      if (std::find(desk.kinds.begin(), desk.kinds.end(), filter.kind) != desk.kinds.end()) {
        kind_desk = desk.id;
        kind_implied = desk.kinds.size() == 1;
      }
    }
  }
  std::vector<std::string> visible;
  for (const std::string& desk : DesksOf(session)) {
    if (!filter.desk.empty() && desk != filter.desk) continue;
    if (kind_desk.has_value() && desk != *kind_desk) continue;
    visible.push_back(desk);
  }
  return visible;
}

// The last day a report can have been received and be overdue in `status`
// ("" for any status): before the acknowledge cutoff ("new" only) or the
// feedback cutoff.
std::string LastOverdueDay(const store::TriageConditions& conditions, const std::string& status) {
  std::string cutoff = conditions.feedback_before;
  if (status.empty() || status == "new") cutoff = std::max(cutoff, conditions.acknowledge_before);
  return AddDays(cutoff, -1);
}

// `conditions` without the one the walk's index already guarantees, and for
// "overdue" with the day range ending where reports can be overdue, so the
// walk starts at the first candidate instead of skipping the recent ones.
store::TriageConditions ConditionsFor(const store::TriageWalk& walk, store::TriageConditions conditions) {
  if (conditions.overdue) {
    const std::string status = walk.driver == store::TriageDriver::kStatus ? walk.key : conditions.status;
    conditions.to_day = std::min(conditions.to_day, LastOverdueDay(conditions, status));
  }
  switch (walk.driver) {
    case store::TriageDriver::kTag: conditions.tag_id.clear(); break;
    case store::TriageDriver::kPillar: conditions.pillar.clear(); break;
    case store::TriageDriver::kAssignee: conditions.assignee_id.clear(); break;
    case store::TriageDriver::kStatus: conditions.status.clear(); break;
    case store::TriageDriver::kDesk: break;
  }
  return conditions;
}

}  // namespace

TriageItem MakeTriageItem(store::TriageRow row, const Deadlines& deadlines, const std::string& today) {
  TriageItem item;
  item.acknowledge_due_day = AcknowledgeDueDay(row.summary.received_day, deadlines);
  item.feedback_due_day = FeedbackDueDay(row.summary.received_day, deadlines);
  item.overdue = IsOverdue(row.summary.status, row.summary.received_day, row.first_feedback_day, deadlines, today);
  item.row = std::move(row);
  return item;
}

std::vector<store::TriageWalk> PlanTriageWalks(const TriageFilter& filter, const std::vector<std::string>& desks,
                                               bool for_counts) {
  using store::TriageDriver;
  if (desks.empty()) return {};
  if (!filter.tag_id.empty()) return {{TriageDriver::kTag, filter.tag_id}};
  if (!filter.pillar.empty()) return {{TriageDriver::kPillar, filter.pillar}};
  if (!filter.assignee_id.empty()) return {{TriageDriver::kAssignee, filter.assignee_id}};
  std::vector<store::TriageWalk> walks;
  if (filter.overdue || for_counts) {
    for (std::string_view status : kReportStatuses) {
      if (filter.overdue && status == "closed") continue;  // a closed report is never overdue
      if (!filter.status.empty() && status != filter.status) continue;
      walks.push_back({TriageDriver::kStatus, std::string(status)});
    }
    return walks;
  }
  if (!filter.status.empty()) return {{TriageDriver::kStatus, filter.status}};
  for (const std::string& desk : desks) walks.push_back({TriageDriver::kDesk, desk});
  return walks;
}

struct TriageQueue::Prepared {
  TriageFilter filter;
  store::TriageConditions conditions;
  Deadlines deadlines;
  std::string today;
};

TriageQueue::TriageQueue(store::ReaderPool& readers, const Clock& clock, TriageVocabulary vocabulary)
    : readers_(readers), clock_(clock), vocabulary_(std::move(vocabulary)) {}

Result<TriageQueue::Prepared> TriageQueue::Prepare(const accounts::Session& session, const TriageQuery& query,
                                                   store::Database& db) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  Prepared prepared;
  PB_ASSIGN_OR_RETURN(prepared.filter, ParseTriageFilter(query, vocabulary_, session.identity.user_id));
  PB_ASSIGN_OR_RETURN(prepared.deadlines, LoadDeadlines(db));
  prepared.today = UtcDay(clock_.NowUnixSeconds());
  const TriageFilter& f = prepared.filter;
  store::TriageConditions& c = prepared.conditions;
  bool kind_implied = false;
  PB_ASSIGN_OR_RETURN(c.desks, VisibleDesks(session, f, db, kind_implied));
  if (!kind_implied) c.kind = f.kind;
  c.region = f.region;
  c.sector = f.sector;
  c.status = f.status;
  c.assignee_id = f.assignee_id;
  c.unassigned = f.unassigned;
  c.tag_id = f.tag_id;
  c.pillar = f.pillar;
  if (!f.from_day.empty()) c.from_day = f.from_day;
  if (!f.to_day.empty()) c.to_day = f.to_day;
  c.overdue = f.overdue;
  c.acknowledge_before = AddDays(prepared.today, -prepared.deadlines.acknowledge_days);
  c.feedback_before = AddDays(prepared.today, -prepared.deadlines.feedback_days);
  return prepared;
}

Result<TriagePage> TriageQueue::List(const accounts::Session& session, const TriageQuery& query, int limit,
                                     std::string_view cursor) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (limit < 1 || limit > kMaxTriagePage) return Status::InvalidArgument("must be 1 to 100", "limit");
  PB_ASSIGN_OR_RETURN(const store::TriageCursor after, ParseCursor(cursor));
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const Prepared prepared, Prepare(session, query, lease.db()));
  std::vector<store::TriageWalkPlan> plans;
  for (const auto& walk : PlanTriageWalks(prepared.filter, prepared.conditions.desks, false)) {
    plans.push_back({walk, ConditionsFor(walk, prepared.conditions)});
  }
  // One row more than the page, so a full page knows whether more follow.
  PB_ASSIGN_OR_RETURN(auto rows, store::MergeTriageWalks(lease.db(), plans, after, limit + 1));
  TriagePage page;
  if (rows.size() > static_cast<size_t>(limit)) {
    rows.resize(static_cast<size_t>(limit));
    page.next_cursor = rows.back().summary.received_day + "." + rows.back().summary.id;
  }
  PB_RETURN_IF_ERROR(store::LoadTriageLabels(lease.db(), rows));
  for (auto& row : rows) page.reports.push_back(MakeTriageItem(std::move(row), prepared.deadlines, prepared.today));
  return page;
}

Result<std::map<std::string, int64_t>> TriageQueue::Counts(const accounts::Session& session,
                                                           const TriageQuery& query) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  if (query.status.has_value()) return Status::InvalidArgument("counts are given for every status", "status");
  auto lease = readers_.Acquire();
  PB_ASSIGN_OR_RETURN(const Prepared prepared, Prepare(session, query, lease.db()));
  std::map<std::string, int64_t> counts;
  for (std::string_view status : kReportStatuses) counts[std::string(status)] = 0;
  for (const auto& walk : PlanTriageWalks(prepared.filter, prepared.conditions.desks, true)) {
    PB_ASSIGN_OR_RETURN(const auto found,
                        store::CountTriage(lease.db(), walk, ConditionsFor(walk, prepared.conditions)));
    for (const auto& [status, count] : found) counts[status] += count;
  }
  return counts;
}

}  // namespace pillarbox::cases
