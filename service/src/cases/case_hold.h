// CaseHold: putting a case on legal hold and releasing it. A case on hold is
// never purged, nor is any report linked to it (cases/retention_policy.h);
// a reporter's own deletion request still wins. Members of the case's desk
// (reviewers, admins as reviewers) may set it; for other desks the case is
// NotFound; partners and researchers get PermissionDenied. Thread-safe.
#pragma once

#include <string_view>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"
#include "store/case_rows.h"

namespace pillarbox::cases {

class CaseHold {
 public:
  // `environment`'s references must outlive the object.
  explicit CaseHold(const CaseEnvironment& environment) : env_(environment) {}

  // Sets case `case_id`'s legal hold to `held`. A change bumps the case's
  // revision and records "case.legal_hold.set" or "case.legal_hold.released"
  // on its timeline and in the audit log, in one commit; setting the hold it
  // already has changes nothing. Allowed whatever the case's status (a
  // merged case keeps its record). Returns the case as stored afterwards.
  // Errors as FindVisibleCase; the writer's otherwise.
  Result<store::CaseRecord> Set(const accounts::Session& session, std::string_view case_id, bool held);

 private:
  CaseEnvironment env_;
};

}  // namespace pillarbox::cases
