// The audit log: every authentication event and every reviewer action (view,
// decrypt, change, export, membership change) appended as an entry chained to
// the previous one by a keyed BLAKE2b MAC (audit/audit_mac.h). The key comes
// from the instance secret, outside the database, so someone holding only the
// database can edit, delete or reorder entries but cannot recompute the chain;
// VerifyAuditLog (audit/audit_verification.h) then names the first bad entry.
//
// Functions, not a class: thread-compatible (as the Database they are given).
// Appends must all go through the single writer connection, so two appends
// can never pick the same seq.
#pragma once

#include <cstdint>
#include <vector>

#include "audit/audit_entry.h"
#include "audit/audit_event.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::audit {

// The most entries one ListAuditEntries call returns.
inline constexpr int kMaxAuditPage = 1000;

// Appends `event` as the next entry: seq = last seq + 1 (1 for an empty log),
// at = clock.NowUnixSeconds(), prev_mac = the last entry's mac (32 zero bytes
// for entry 1), mac = AuditEntryMac(audit_key, ...), and sets
// meta('audit_head') to the new entry.
// Must be called inside a transaction (store::Transaction, or a Savepoint of
// the GroupCommitWriter's batch) on the single writer connection, so the entry
// commits or rolls back together with the action it records:
// FailedPrecondition when `db` has no open transaction. InvalidArgument (with
// the field) when ValidateAuditEvent refuses `event`; Unavailable on an I/O
// error. On error nothing is appended (the caller's transaction decides).
Status AppendAuditEntry(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock,
                        const AuditEvent& event);

// Up to `limit` entries with seq > `after_seq`, in seq order, as stored (not
// verified). InvalidArgument when `limit` is not in 1..kMaxAuditPage or
// `after_seq` is negative; Unavailable on an I/O error.
Result<std::vector<AuditEntry>> ListAuditEntries(store::Database& db, int64_t after_seq, int limit);

}  // namespace pillarbox::audit
