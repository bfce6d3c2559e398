// Deferred audit entries: how reporter actions reach the audit log without
// dating them more precisely than the day (DESIGN.md principle 1).
//
// An entry appended at once would sit between staff entries stamped to the
// second, so its position in the chain would date the reporter's action to
// within minutes even with a day-only timestamp. Instead DeferAuditEntry
// stores it in audit_deferred (schema/006_deferred_audit.sql) in the same
// transaction as the action; once its UTC day is over, the next append to the
// log (AppendAuditEntry flushes first) moves every such entry into the chain,
// in the order of their random ids, each stamped 00:00 UTC of its day.
// Until then it is stored durably but not yet chained: an attacker editing
// the database could delete it undetected for at most a day.
//
// Functions on the writer connection, inside a transaction; thread-compatible.
#pragma once

#include <cstdint>

#include "audit/audit_event.h"
#include "common/clock.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::audit {

// Stores `event` for the chain, dated clock's UTC day. FailedPrecondition
// outside a transaction; InvalidArgument (with the field) when
// ValidateAuditEvent refuses it; Unavailable on an I/O error.
Status DeferAuditEntry(store::Database& db, const Clock& clock, const AuditEvent& event);

// Appends every deferred entry of a day before clock's day to the chain (in
// id order, each at 00:00 UTC of its day) and deletes it; returns how many.
// AppendAuditEntry calls it; call it directly to flush without a new entry.
// FailedPrecondition outside a transaction; Unavailable on an I/O error.
Result<int64_t> FlushDeferredAuditEntries(store::Database& db, const privacy::SecretKey& audit_key,
                                          const Clock& clock);

}  // namespace pillarbox::audit
