// Who may work on which report: the one rule every case-management feature
// shares. Admins and reviewers work on the reports of the desks they are
// members of (the desks whose keys their session holds); partners and
// researchers never see a report. A report outside the caller's desks is
// NotFound, exactly like one that does not exist, so ids cannot be probed.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "accounts/session_store.h"
#include "common/status.h"
#include "store/database.h"
#include "store/report_queries.h"

namespace pillarbox::cases {

// True for the roles that read reports (admin, reviewer).
bool MayReadReports(const accounts::Session& session);

// The ids of the desks `session` is a member of.
std::set<std::string> DesksOf(const accounts::Session& session);

// True when `id` has the shape of a report (or case, tag, note) id: 32 lowercase hex digits.
bool IsRandomId(std::string_view id);

// The clear metadata of report `report_id` when `session` may work on it.
// PermissionDenied for partners and researchers; NotFound when the report does
// not exist, is malformed or is on another desk.
Result<store::ReportSummary> FindVisibleReport(store::Database& db, const accounts::Session& session,
                                               std::string_view report_id);

}  // namespace pillarbox::cases
