// AuditRecorder: appends audit entries from any thread by handing them to the
// group-commit writer (the one connection that writes, so the chain stays in
// order) and waiting until the entry is durably committed. An action is
// audited before its result is handed out: a reviewer sees a report only
// after "report.viewed" is on disk. Thread-safe; Record blocks for about one
// commit, so call it from worker threads, not from HTTP I/O threads.
#pragma once

#include "audit/audit_event.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"

namespace pillarbox::audit {

class AuditRecorder {
 public:
  // All references must outlive the recorder.
  AuditRecorder(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key, const Clock& clock);

  // Appends `event`. InvalidArgument when it is malformed (ValidateAuditEvent),
  // ResourceExhausted/Unavailable when the writer refuses it, the write's
  // error when the commit fails.
  Status Record(const AuditEvent& event);

 private:
  store::GroupCommitWriter& writer_;
  const privacy::SecretKey& audit_key_;
  const Clock& clock_;
};

}  // namespace pillarbox::audit
