// What a case links to (schema/004: case_reports, case_tags, case_pillars,
// case_actions): inserting and deleting single links, listing them, and
// moving all of one case's links to another (merge). Inserts and deletes say
// whether they changed anything, so callers can be idempotent. Functions, not
// a class: each takes the Database to use. Thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace pillarbox::store {

// A report of a case, with the report's clear metadata.
struct CaseReportEntry {
  std::string report_id;
  std::string kind;
  std::string desk_id;
  std::string received_day;
  std::string status;
  bool operator==(const CaseReportEntry&) const = default;
};

// A tag: its id and reviewer-chosen name.
struct TagEntry {
  std::string id;
  std::string name;
  bool operator==(const TagEntry&) const = default;
};

// Links report `report_id` to case `case_id` on `added_day`. True when the
// link is new, false when it was already there. Conflict when the case or
// report does not exist.
Result<bool> InsertCaseReport(Database& db, std::string_view case_id, std::string_view report_id,
                              std::string_view added_day);
// Unlinks; true when a link was removed.
Result<bool> DeleteCaseReport(Database& db, std::string_view case_id, std::string_view report_id);

// Sets report `report_id` to status 'linked_to_case' and adds 1 to its
// revision when its status is new, acknowledged or in_review, and returns the
// status it had; "" when it changed nothing. (The general report workflow
// lives elsewhere; this is the one transition linking a report to a case
// implies.) Run it inside a write so the check and the change are atomic.
Result<std::string> MarkReportLinkedToCase(Database& db, std::string_view report_id);

// True when tag `tag_id` exists.
Result<bool> TagExists(Database& db, std::string_view tag_id);
// Links / unlinks a tag; true when something changed.
Result<bool> InsertCaseTag(Database& db, std::string_view case_id, std::string_view tag_id);
Result<bool> DeleteCaseTag(Database& db, std::string_view case_id, std::string_view tag_id);

// Links / unlinks a pillar (the caller checks the value); true when something changed.
Result<bool> InsertCasePillar(Database& db, std::string_view case_id, std::string_view pillar);
Result<bool> DeleteCasePillar(Database& db, std::string_view case_id, std::string_view pillar);

// The reports of case `case_id`, newest first (received_day DESC, id DESC).
Result<std::vector<CaseReportEntry>> ListCaseReports(Database& db, std::string_view case_id);
// How many reports case `case_id` holds.
Result<int64_t> CountCaseReports(Database& db, std::string_view case_id);
// The tags of case `case_id`, ordered by name (case-insensitively), then id.
Result<std::vector<TagEntry>> ListCaseTags(Database& db, std::string_view case_id);
// The pillars of case `case_id`, ascending.
Result<std::vector<std::string>> ListCasePillars(Database& db, std::string_view case_id);
// The action ids linked to case `case_id`, ascending.
Result<std::vector<std::string>> ListCaseActions(Database& db, std::string_view case_id);

// Moves every report, tag, pillar and action link of case `source_id` to case
// `target_id` (links the target already has are kept once); the source keeps
// none. Returns how many report links the target gained.
Result<int64_t> MoveCaseLinks(Database& db, std::string_view source_id, std::string_view target_id);

}  // namespace pillarbox::store
