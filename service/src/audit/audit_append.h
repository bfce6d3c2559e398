// The one place an entry joins the chain (audit_log.cc), shared by
// AppendAuditEntry and the flush of deferred entries (deferred_audit.cc).
// Internal to the audit part.
#pragma once

#include <cstdint>

#include "audit/audit_event.h"
#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::audit {

// Appends `event` (already validated) as the next entry stamped `at`, chained
// to the last one, and moves the keyed head. No deferred entry is flushed.
// Must run inside the caller's transaction on the writer connection.
Status AppendChainedEntry(store::Database& db, const privacy::SecretKey& audit_key, int64_t at,
                          const AuditEvent& event);

}  // namespace pillarbox::audit
