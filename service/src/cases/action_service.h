// ActionService: the catalogue of actions, the public undertakings (a union
// petition, a class action, a complaint to a regulator) that cases feed.
// Actions describe public undertakings, so they are stored in clear
// (schema/004 `actions`) and are shared by every desk: any admin or reviewer
// creates, reads and changes them; partners may read the catalogue (never
// which cases feed an action); researchers get PermissionDenied. Changes
// carry the revision the caller last read (stale: Conflict naming
// "revision", checked inside the write). Every change writes its audit entry
// ("action.created", "action.changed"; ids and closed values only, never a
// name) in the same write. Thread-safe; each call blocks for reads and at
// most one commit (worker threads).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"
#include "store/action_rows.h"

namespace pillarbox::cases {

// The described columns of a new action (id, demo and revision are set by Create).
using NewAction = store::ActionRecord;

// A change: the revision read and the columns to set (absent: unchanged;
// for the days, "" clears them).
struct ActionUpdate {
  int64_t revision = 0;
  std::optional<std::string> kind, subtype, name, organization, jurisdiction, region, status, start_day, end_day;
};

// An action with the ids of the linked cases the caller may see (ascending).
struct ActionView {
  store::ActionRecord action;
  std::vector<std::string> case_ids;
};

// Query parameters of the list as received; nullopt when absent.
struct ActionQuery {
  std::optional<std::string> kind, status, region;
};

// True when `session` may read the catalogue (admins, reviewers, partners).
bool MayReadActions(const accounts::Session& session);

class ActionService {
 public:
  // `environment`'s references must outlive the service.
  explicit ActionService(const CaseEnvironment& environment) : env_(environment) {}

  // Stores `request` as a new action (random id, revision 0, demo off) and
  // returns it. PermissionDenied for partners and researchers; the
  // InvalidArgument of CheckActionFields naming the bad field.
  Result<store::ActionRecord> Create(const accounts::Session& session, const NewAction& request);

  // The actions matching `query`, by name. PermissionDenied for researchers;
  // InvalidArgument naming "kind", "status" or "region" when a value is not
  // one of the catalogue's.
  Result<std::vector<store::ActionRecord>> List(const accounts::Session& session, const ActionQuery& query);

  // Action `id` and the linked cases on the caller's desks (none for
  // partners). PermissionDenied for researchers; NotFound ("no such action").
  Result<ActionView> Open(const accounts::Session& session, std::string_view id);

  // Applies `update` to action `id` and returns the action afterwards (the
  // revision is unchanged when nothing changed). PermissionDenied for
  // partners and researchers; InvalidArgument naming "revision" (negative)
  // or the first bad field (checked on the whole action as it would become);
  // NotFound; Conflict naming "revision" when it changed since that revision.
  Result<store::ActionRecord> Update(const accounts::Session& session, std::string_view id,
                                     const ActionUpdate& update);

 private:
  const CaseEnvironment env_;
};

}  // namespace pillarbox::cases
