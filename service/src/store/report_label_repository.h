// The labels reviewers put on a report: tags (report_tags) and pillars
// (report_pillars). Each link row carries the report's received_day, copied,
// so one tag's or pillar's reports list newest first from the primary key.
// Functions, not a class: each takes the Database to use. Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"
#include "store/tag_repository.h"

namespace pillarbox::store {

// Where a link goes: the report and its received day (copied into the row).
struct ReportRef {
  std::string id;
  std::string received_day;  // YYYY-MM-DD, as in reports.received_day
};

// Links tag `tag_id` to `report`. True when the link is new, false when it
// was there already. Conflict when the report or the tag does not exist.
Result<bool> AddReportTag(Database& db, const ReportRef& report, std::string_view tag_id);

// Removes the link of tag `tag_id` to `report`. True when there was one.
Result<bool> RemoveReportTag(Database& db, const ReportRef& report, std::string_view tag_id);

// Links pillar `pillar` (not checked here: cases/pillars.h) to `report`.
// True when the link is new. Conflict when the report does not exist.
Result<bool> AddReportPillar(Database& db, const ReportRef& report, std::string_view pillar);

// Removes the link of `pillar` to `report`. True when there was one.
Result<bool> RemoveReportPillar(Database& db, const ReportRef& report, std::string_view pillar);

// The tags of report `report_id`, ordered by name ignoring ASCII case, then id.
Result<std::vector<TagRecord>> ListReportTags(Database& db, std::string_view report_id);

// The pillars of report `report_id`, ascending.
Result<std::vector<std::string>> ListReportPillars(Database& db, std::string_view report_id);

}  // namespace pillarbox::store
