#include "cases/report_access.h"

#include <algorithm>

namespace pillarbox::cases {

bool MayReadReports(const accounts::Session& session) {
  return session.identity.role == "admin" || session.identity.role == "reviewer";
}

std::set<std::string> DesksOf(const accounts::Session& session) {
  std::set<std::string> desks;
  for (const auto& desk_key : session.keys.desk_keys) desks.insert(desk_key.desk_id);
  return desks;
}

bool IsRandomId(std::string_view id) {
  return id.size() == 32 &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result<store::ReportSummary> FindVisibleReport(store::Database& db, const accounts::Session& session,
                                               std::string_view report_id) {
  if (!MayReadReports(session)) return Status::PermissionDenied("this role cannot read reports");
  const Status not_found = Status::NotFound("no such report");
  if (!IsRandomId(report_id)) return not_found;
  PB_ASSIGN_OR_RETURN(auto summary, store::LoadReportSummary(db, report_id));
  if (!summary.has_value() || DesksOf(session).count(summary->desk_id) == 0) return not_found;
  return std::move(*summary);
}

}  // namespace pillarbox::cases
