// WorkflowService: reviewers move a report through its workflow
// (cases/report_workflow.h) and assign it to a reviewer of its desk. Each
// change checks the report's current state and the revision the client saw
// inside the writer's operation (race-free: two clients sending the same
// revision cannot both win), bumps the revision and appends its audit entry
// in the same commit. Thread-safe; each call blocks for one commit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "accounts/session_store.h"
#include "cases/triage_queue.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"

namespace pillarbox::cases {

struct StatusChange {
  std::string status;
  std::string reason;     // "" unless closing
  int64_t revision = -1;  // the revision the client saw
};

class WorkflowService {
 public:
  // References must outlive the service.
  WorkflowService(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key, const Clock& clock);

  // Moves report `report_id` to `change.status` and returns it as the queue
  // shows it; audits "report.status.changed" (from, to, reason). Sets
  // acknowledged_day the first time the report leaves "new".
  // PermissionDenied for partners and researchers; NotFound when the report
  // does not exist or is on another desk; InvalidArgument naming "status" or
  // "reason" for a malformed request; Conflict naming "revision" when the
  // report changed since `change.revision`, naming "status" when the move is
  // illegal from the current status. Nothing is written on error.
  Result<TriageItem> ChangeStatus(const accounts::Session& session, std::string_view report_id,
                                  const StatusChange& change);

  // Assigns report `report_id` to `assignee_id` ("" unassigns) and returns
  // it; audits "report.assigned". InvalidArgument naming "assignee" unless
  // the assignee is an enabled admin or reviewer who is a member of the
  // report's desk; other errors as ChangeStatus.
  // The report `report_id` as the queue shows it (revision, assignee,
  // deadlines), read on `reader` with no audit entry. NotFound when it does
  // not exist. The caller checks that the session may see it first
  // (cases/report_access.h), as GET /reports/{id} does by opening it.
  Result<TriageItem> Describe(store::Database& reader, std::string_view report_id);

  Result<TriageItem> Assign(const accounts::Session& session, std::string_view report_id,
                            const std::string& assignee_id, int64_t revision);

 private:
  Status ChangeStatusIn(store::Database& db, const accounts::Session& session, std::string_view report_id,
                        const StatusChange& change, TriageItem& out);
  Status AssignIn(store::Database& db, const accounts::Session& session, std::string_view report_id,
                  const std::string& assignee_id, int64_t revision, TriageItem& out);
  Status LoadItem(store::Database& db, std::string_view report_id, TriageItem& out);

  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::cases
