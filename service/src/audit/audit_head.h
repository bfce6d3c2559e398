// The audit log's head: meta('audit_head') = "<seq>:<64 hex digits>", the
// newest entry's seq and AuditHeadTag of it (audit/audit_mac.h). Written in
// the same transaction as each entry, so deleting entries from the end of the
// log shows: the head names an entry that is gone, and a head for an earlier
// entry cannot be made without the audit key.
// Functions, not a class: thread-compatible (as the Database they are given).
#pragma once

#include <cstdint>
#include <optional>

#include "common/status.h"
#include "privacy/bytes.h"
#include "store/database.h"

namespace pillarbox::audit {

struct AuditHead {
  int64_t seq = 0;
  privacy::Bytes tag;  // kAuditMacBytes
};

// Sets meta('audit_head') to the head of a log whose newest entry is `seq`
// with `mac`. Call inside the transaction that inserted that entry.
Status WriteAuditHead(store::Database& db, const privacy::SecretKey& audit_key, int64_t seq, privacy::ByteView mac);

// The stored head; nullopt when meta has no 'audit_head' row. DataLoss when the
// value is not "<positive seq>:<64 hex digits>"; Unavailable on an I/O error.
Result<std::optional<AuditHead>> ReadAuditHead(store::Database& db);

}  // namespace pillarbox::audit
