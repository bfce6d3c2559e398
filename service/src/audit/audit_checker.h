// AuditChecker: verifies the audit log's keyed chain on demand (an admin's
// "verify" in the web app) on a reader connection, with the instance's audit
// key, and records that the check was made ("audit.verified", with its
// outcome) after it ran. Who may ask is the caller's decision (http/ lets
// admins only). Thread-safe; blocks for one read of the whole log and one
// audit commit, so call it from worker threads.
#pragma once

#include <string>

#include "audit/audit_recorder.h"
#include "audit/audit_verification.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/reader_pool.h"

namespace pillarbox::audit {

class AuditChecker {
 public:
  // All references must outlive the checker.
  AuditChecker(store::ReaderPool& readers, AuditRecorder& recorder, const privacy::SecretKey& audit_key);

  // Verifies the log as it is now, then records "audit.verified" by
  // `actor_user_id` with detail "ok=1|0;entries=N;first_bad_seq=S". The
  // verification does not count its own entry. A broken chain is a successful
  // Result with ok == false; errors: VerifyAuditLog's, or the recorder's when
  // the entry cannot be written (the result is then not handed out).
  Result<AuditVerification> VerifyAndRecord(const std::string& actor_user_id);

 private:
  store::ReaderPool& readers_;
  AuditRecorder& recorder_;
  const privacy::SecretKey& audit_key_;
};

}  // namespace pillarbox::audit
