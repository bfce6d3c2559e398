// Moving the audit log's keyed chain to a new audit key (a master key
// rotation, app/master_key_rotation.h): every entry's prev_mac and mac and
// the head tag are recomputed under the new key, after the whole chain has
// been verified under the old one, so a rotation can never launder an edited
// log into a valid one. Thread-compatible (as the Database given).
#pragma once

#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::audit {

// Verifies the log under `old_key`, then rewrites its chain and head under
// `new_key`. Must run inside the caller's transaction on the writer
// connection, so the log is either wholly under the old key or wholly under
// the new one. FailedPrecondition (naming the first bad entry's seq, no
// content) when the log does not verify under `old_key`; Unavailable on an
// I/O error. Returns the number of entries rewritten.
Result<int64_t> RekeyAuditLog(store::Database& db, const privacy::SecretKey& old_key,
                              const privacy::SecretKey& new_key);

}  // namespace pillarbox::audit
