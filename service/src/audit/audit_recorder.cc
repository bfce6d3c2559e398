#include "audit/audit_recorder.h"

#include <future>
#include <memory>

#include "audit/audit_log.h"

namespace pillarbox::audit {

AuditRecorder::AuditRecorder(store::GroupCommitWriter& writer, const privacy::SecretKey& audit_key,
                             const Clock& clock)
    : writer_(writer), audit_key_(audit_key), clock_(clock) {}

Status AuditRecorder::Record(const AuditEvent& event) {
  PB_RETURN_IF_ERROR(ValidateAuditEvent(event));
  return writer_.SubmitAndWait(
      [this, event](store::Database& db) { return AppendAuditEntry(db, audit_key_, clock_, event); });
}

}  // namespace pillarbox::audit
