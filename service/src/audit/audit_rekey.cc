// Re-keying the audit chain (declared in audit/audit_rekey.h).
#include "audit/audit_rekey.h"

#include <vector>

#include "audit/audit_head.h"
#include "audit/audit_log.h"
#include "audit/audit_mac.h"
#include "audit/audit_verification.h"

namespace pillarbox::audit {

Result<int64_t> RekeyAuditLog(store::Database& db, const privacy::SecretKey& old_key,
                              const privacy::SecretKey& new_key) {
  PB_ASSIGN_OR_RETURN(const AuditVerification verified, VerifyAuditLog(db, old_key));
  if (!verified.ok) {
    return Status::FailedPrecondition("the audit log does not verify under the retiring key (entry " +
                                      std::to_string(verified.first_bad_seq) + "): " + verified.problem +
                                      "; refusing to re-key it");
  }
  static constexpr char kUpdateSql[] = "UPDATE audit_log SET prev_mac = ?, mac = ? WHERE seq = ?";
  std::vector<uint8_t> prev(kAuditMacBytes, 0);
  int64_t after = 0;
  int64_t rewritten = 0;
  for (;;) {
    PB_ASSIGN_OR_RETURN(std::vector<AuditEntry> page, ListAuditEntries(db, after, kMaxAuditPage));
    if (page.empty()) break;
    for (AuditEntry& entry : page) {
      entry.prev_mac = prev;
      entry.mac = AuditEntryMac(new_key, entry);
      PB_ASSIGN_OR_RETURN(store::Statement * update, db.Prepare(kUpdateSql));
      update->BindBlob(1, entry.prev_mac);
      update->BindBlob(2, entry.mac);
      update->BindInt64(3, entry.seq);
      PB_RETURN_IF_ERROR(update->Run());
      prev = entry.mac;
      after = entry.seq;
      ++rewritten;
    }
  }
  if (rewritten > 0) PB_RETURN_IF_ERROR(WriteAuditHead(db, new_key, after, prev));
  return rewritten;
}

}  // namespace pillarbox::audit
