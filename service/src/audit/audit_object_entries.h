// The audit entries about given objects (by object_id), for the
// chain-of-custody extract of an evidence bundle. Uses the index
// audit_log_by_object (schema/007). Functions, not a class:
// thread-compatible (as the Database given).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_entry.h"
#include "common/status.h"
#include "store/database.h"

namespace pillarbox::audit {

// The most entries AuditEntriesAbout returns.
inline constexpr int64_t kMaxObjectEntries = 100000;

// The entries whose object_id is one of `object_ids` (ids only; "" is
// ignored), in seq order, as stored (not verified). ResourceExhausted when
// there are more than kMaxObjectEntries; Unavailable on an I/O error.
Result<std::vector<AuditEntry>> AuditEntriesAbout(store::Database& db, const std::vector<std::string>& object_ids);

}  // namespace pillarbox::audit
