// CaseLinker: adding and removing a case's reports, tags, pillars and actions. Each
// call is idempotent: linking what is already linked (or unlinking what is
// not) changes nothing and records nothing. Each real change bumps the case's
// revision and writes a timeline event and an audit entry in the same write,
// and needs no revision from the caller, so two reviewers adding different
// reports at once both land. A report is linked only when visible to the
// caller; adding one whose status is new, acknowledged or in_review also sets
// it to linked_to_case (and bumps the report's revision) in that write.
// Thread-safe; each call blocks for reads and one commit (worker threads).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"
#include "store/database.h"

namespace pillarbox::cases {

struct LinkOutcome {
  int64_t revision = 0;  // the case's revision afterwards
  bool changed = false;  // false when the link already was (or was not) there
};

class CaseLinker {
 public:
  explicit CaseLinker(const CaseEnvironment& environment) : env_(environment) {}

  // Every call: PermissionDenied for partners and researchers; NotFound
  // ("no such case") when the case is not visible; Conflict when it has been
  // merged into another case.

  // Adds / removes report `report_id`; NotFound ("no such report") when it is
  // not visible to the caller.
  Result<LinkOutcome> AddReport(const accounts::Session& session, std::string_view case_id,
                                std::string_view report_id);
  Result<LinkOutcome> RemoveReport(const accounts::Session& session, std::string_view case_id,
                                   std::string_view report_id);

  // Adds / removes tag `tag_id`; InvalidArgument naming "tag" when no such tag exists.
  Result<LinkOutcome> AddTag(const accounts::Session& session, std::string_view case_id, std::string_view tag_id);
  Result<LinkOutcome> RemoveTag(const accounts::Session& session, std::string_view case_id, std::string_view tag_id);

  // Adds / removes `pillar`; InvalidArgument naming "pillar" unless it is one of kPillars.
  Result<LinkOutcome> AddPillar(const accounts::Session& session, std::string_view case_id, std::string_view pillar);
  Result<LinkOutcome> RemovePillar(const accounts::Session& session, std::string_view case_id,
                                   std::string_view pillar);

  // Links / unlinks action `action_id` (events "case.action.linked" /
  // "case.action.unlinked"); InvalidArgument naming "action" when no such
  // action exists.
  Result<LinkOutcome> AddAction(const accounts::Session& session, std::string_view case_id,
                                std::string_view action_id);
  Result<LinkOutcome> RemoveAction(const accounts::Session& session, std::string_view case_id,
                                   std::string_view action_id);

 private:
  // A link change to run inside the write: returns whether it changed
  // anything and fills the event's detail.
  using LinkWrite = std::function<Result<bool>(store::Database&, std::string& detail)>;

  // Checks the case is visible, then in one write: the case may change,
  // `write` runs, and when it changed something the event `event` is
  // recorded and the revision bumped.
  Result<LinkOutcome> Change(const accounts::Session& session, std::string_view case_id, const char* event,
                             const LinkWrite& write);

  const CaseEnvironment env_;
};

}  // namespace pillarbox::cases
