// Verification of the audit log's keyed chain (audit/audit_log.h): walks the
// entries in seq order and names the first one that was edited, deleted or
// reordered, or an end of the log that does not match its head.
// Functions, not a class: thread-compatible (as the Database they are given).
// Works on a read-only connection.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::audit {

struct AuditVerification {
  bool ok = true;
  // Entries whose chain verified, in seq order (all of them when ok; those
  // before the first problem otherwise).
  int64_t entries = 0;
  // 0 when ok. Otherwise the entry the first problem is about:
  //   an entry whose mac does not match its content: its seq (edited, or
  //     written under another audit key);
  //   a gap in seq: the first missing seq (deleted);
  //   an entry whose prev_mac is not the previous entry's mac: its seq
  //     (reordered, or entries before it deleted and renumbered);
  //   meta('audit_head') missing, malformed, or not naming the last entry
  //     with a valid tag: the seq the head names (entries deleted from the
  //     end, or the log rolled back); the last entry's seq when the head is
  //     missing or malformed (1 for an empty log).
  int64_t first_bad_seq = 0;
  std::string problem;  // "" when ok; one sentence, no entry content
};

// Verifies the whole log with `audit_key` inside one read transaction (a
// Savepoint, so it also works inside a caller's transaction). A broken chain
// is a successful Result with ok == false; the Status is an error only when
// the log cannot be read (Unavailable on an I/O error, Internal when the
// audit_log table does not exist).
Result<AuditVerification> VerifyAuditLog(store::Database& db, const privacy::SecretKey& audit_key);

}  // namespace pillarbox::audit
