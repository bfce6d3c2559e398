#include "cases/case_change.h"

#include "audit/audit_log.h"
#include "store/case_events.h"

namespace pillarbox::cases {

Status RecordCaseChange(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                        const CaseChange& change) {
  PB_RETURN_IF_ERROR(
      audit::AppendAuditEntry(db, audit_key, clock, {change.actor, change.event, "case", change.case_id, change.detail}));
  return store::AppendCaseEvent(db, change.case_id,
                                {0, clock.NowUnixSeconds(), change.actor, change.event, change.detail});
}

Result<store::CaseRecord> LoadChangeableCase(store::Database& db, std::string_view case_id) {
  PB_ASSIGN_OR_RETURN(auto record, store::LoadCase(db, case_id));
  if (!record.has_value()) return Status::NotFound("no such case");
  if (record->status == "merged") return Status::Conflict("this case was merged into another case");
  return std::move(*record);
}

}  // namespace pillarbox::cases
