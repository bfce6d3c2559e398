// Verification of the audit log (declared in audit/audit_verification.h).
#include "audit/audit_verification.h"

#include <optional>
#include <vector>

#include "audit/audit_head.h"
#include "audit/audit_log.h"
#include "audit/audit_mac.h"
#include "privacy/keyed_hash.h"
#include "store/savepoint.h"

namespace pillarbox::audit {
namespace {

std::string Seq(int64_t seq) { return std::to_string(seq); }

AuditVerification Broken(int64_t verified, int64_t seq, std::string problem) {
  return AuditVerification{false, verified, seq, std::move(problem)};
}

// The chain as verified so far: the last good entry's seq and mac.
struct ChainEnd {
  int64_t seq = 0;
  std::vector<uint8_t> mac = std::vector<uint8_t>(kAuditMacBytes, 0);
};

// The first problem of `entry` as the successor of `end`; nullopt when it is good.
std::optional<AuditVerification> CheckEntry(const privacy::SecretKey& key, const ChainEnd& end,
                                            const AuditEntry& entry) {
  const int64_t expected = end.seq + 1;
  if (entry.seq != expected) {
    return Broken(end.seq, expected, "missing (the next stored entry is " + Seq(entry.seq) + "): entries were deleted");
  }
  if (!privacy::DigestsEqual(entry.prev_mac, end.mac)) {
    const std::string what = entry.seq == 1 ? "its prev_mac is not zero although it starts the log"
                                            : "its prev_mac is not the mac of entry " + Seq(end.seq);
    return Broken(end.seq, entry.seq, what + ": entries were reordered, replaced or deleted");
  }
  if (!privacy::DigestsEqual(entry.mac, AuditEntryMac(key, entry))) {
    return Broken(end.seq, entry.seq,
                  "its mac does not match its content: the entry was edited, "
                  "or written under another instance secret");
  }
  return std::nullopt;
}

// The problem of the head against the verified `end` of the log; nullopt when it matches.
Result<std::optional<AuditVerification>> CheckHead(store::Database& db, const privacy::SecretKey& key,
                                                   const ChainEnd& end) {
  const int64_t last_or_first = end.seq > 0 ? end.seq : 1;
  Result<std::optional<AuditHead>> head = ReadAuditHead(db);
  if (!head.ok() && head.status().code() == StatusCode::kDataLoss) {
    return std::optional(Broken(end.seq, last_or_first, head.status().message()));
  }
  if (!head.ok()) return head.status();
  if (!head->has_value()) {
    if (end.seq == 0) return std::optional<AuditVerification>();
    return std::optional(Broken(end.seq, end.seq, "meta audit_head is missing: the log's head was deleted"));
  }
  const AuditHead& stored = **head;
  if (stored.seq != end.seq) {
    return std::optional(Broken(end.seq, stored.seq,
                                "the head names entry " + Seq(stored.seq) + " but the log ends at entry " +
                                    Seq(end.seq) + ": entries were deleted from the end or the log rolled back"));
  }
  if (!privacy::DigestsEqual(stored.tag, AuditHeadTag(key, end.seq, end.mac))) {
    return std::optional(Broken(
        end.seq, stored.seq,
        "the head's tag does not match entry " + Seq(end.seq) + ": the head was altered or the log rolled back"));
  }
  return std::optional<AuditVerification>();
}

}  // namespace

Result<AuditVerification> VerifyAuditLog(store::Database& db, const privacy::SecretKey& audit_key) {
  store::Savepoint snapshot(db);  // one read transaction; rolled back (nothing to undo) at return
  PB_RETURN_IF_ERROR(snapshot.Begin());
  ChainEnd end;
  while (true) {
    PB_ASSIGN_OR_RETURN(std::vector<AuditEntry> page, ListAuditEntries(db, end.seq, kMaxAuditPage));
    for (const AuditEntry& entry : page) {
      if (auto problem = CheckEntry(audit_key, end, entry)) return *problem;
      end.seq = entry.seq;
      end.mac = entry.mac;
    }
    if (page.size() < static_cast<size_t>(kMaxAuditPage)) break;
  }
  PB_ASSIGN_OR_RETURN(std::optional<AuditVerification> head_problem, CheckHead(db, audit_key, end));
  if (head_problem) return *head_problem;
  return AuditVerification{true, end.seq, 0, ""};
}

}  // namespace pillarbox::audit
