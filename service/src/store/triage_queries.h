// The triage queue's queries: keyset pages of reports newest first
// (received_day DESC, id DESC), each walking ONE index in that order (the
// "driver") and checking the other filters on the rows it meets, plus counts
// per status. Several walks (one per desk, one per open status) are merged
// by stepping them together. Which driver serves which filter is decided by the caller
// (cases/triage_queue.cc); each is forced with INDEXED BY or CROSS JOIN so
// the planner cannot pick a walk that sorts a million rows:
//   kDesk     reports_by_desk_day      (no filter, kind, region, sector, desk, day range)
//   kStatus   reports_by_status_day    (status; overdue: one walk per open status)
//   kAssignee reports_by_assignee_day  (an assignee)
//   kTag      report_tags primary key  (a tag)
//   kPillar   report_pillars primary key (a pillar)
// Free functions on a Database; thread-compatible (as that Database).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/database.h"
#include "store/triage_rows.h"

namespace pillarbox::store {

// The filters every row of a page must pass. Empty strings mean "any".
struct TriageConditions {
  std::vector<std::string> desks;  // the desks the caller may see (rows elsewhere never match)
  std::string kind;
  std::string region;
  std::string sector;
  std::string status;
  std::string assignee_id;
  bool unassigned = false;
  std::string tag_id;
  std::string pillar;
  std::string from_day = "0000-01-01";  // received_day >= from_day
  std::string to_day = "9999-12-31";    // received_day <= to_day
  bool overdue = false;
  std::string acknowledge_before;  // overdue: status new and received_day < this
  std::string feedback_before;     // overdue: no feedback, not closed and received_day < this
};

enum class TriageDriver { kDesk, kStatus, kAssignee, kTag, kPillar };

// One index walk: `driver` with its key (a desk id, status, assignee id, tag
// id or pillar).
struct TriageWalk {
  TriageDriver driver = TriageDriver::kDesk;
  std::string key;
};

// Where a page ends: the last (received_day, id) it held ("" for the start).
struct TriageCursor {
  std::string received_day;
  std::string id;
};

// One walk of a merged page, with the conditions its rows must pass.
struct TriageWalkPlan {
  TriageWalk walk;
  TriageConditions conditions;
};

// The first `limit` rows, newest first, of the union of `walks` strictly
// after `after`, without tags and pillars. The walks are stepped together (a
// k-way merge on (received_day, id)), so about `limit` rows are met in all
// however many walks there are; a row two walks both yield is listed once.
// Unavailable on an I/O error.
Result<std::vector<TriageRow>> MergeTriageWalks(Database& db, const std::vector<TriageWalkPlan>& walks,
                                                const TriageCursor& after, int limit);

// How many rows matching `conditions` `walk` meets, per status.
Result<std::map<std::string, int64_t>> CountTriage(Database& db, const TriageWalk& walk,
                                                    const TriageConditions& conditions);

// Report `id` as a TriageRow with its tags and pillars, or nullopt when there
// is none. Unavailable on an I/O error.
Result<std::optional<TriageRow>> LoadTriageRow(Database& db, std::string_view id);

// Fills the tags and pillars of each of `rows` (two index lookups per row).
Status LoadTriageLabels(Database& db, std::vector<TriageRow>& rows);

}  // namespace pillarbox::store
