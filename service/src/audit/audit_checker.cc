#include "audit/audit_checker.h"

namespace pillarbox::audit {

AuditChecker::AuditChecker(store::ReaderPool& readers, AuditRecorder& recorder, const privacy::SecretKey& audit_key)
    : readers_(readers), recorder_(recorder), audit_key_(audit_key) {}

Result<AuditVerification> AuditChecker::VerifyAndRecord(const std::string& actor_user_id) {
  AuditVerification verification;
  {
    auto lease = readers_.Acquire();
    PB_ASSIGN_OR_RETURN(verification, VerifyAuditLog(lease.db(), audit_key_));
  }
  const std::string detail = std::string("ok=") + (verification.ok ? "1" : "0") +
                             ";entries=" + std::to_string(verification.entries) +
                             ";first_bad_seq=" + std::to_string(verification.first_bad_seq);
  PB_RETURN_IF_ERROR(recorder_.Record({actor_user_id, "audit.verified", "audit", "", detail}));
  return verification;
}

}  // namespace pillarbox::audit
