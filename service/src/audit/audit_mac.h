// The audit log's keyed chain: how an entry's mac and the log's head tag are
// computed from the audit key (privacy::InstanceKeys::audit_key()).
//
//   mac = KeyedBlake2b256(audit_key, prev_mac || F(seq) || F(at) || F(actor) ||
//                         F(action) || F(object_type) || F(object_id) || F(detail))
//   F(integer) = 8-byte big-endian length (8) || 8-byte big-endian two's complement
//   F(text)    = 8-byte big-endian length     || the UTF-8 bytes
//   head tag   = KeyedBlake2b256(audit_key, "audit_head" || 8-byte big-endian seq || mac)
//
// Every field is length-prefixed, so no two distinct entries encode alike; a
// head message (50 bytes) is shorter than any entry message (at least 104
// bytes), so a head tag can never be passed off as an entry mac.
// Functions of their arguments only: thread-safe.
#pragma once

#include <cstdint>

#include "audit/audit_entry.h"
#include "privacy/bytes.h"

namespace pillarbox::audit {

// 32: the size of prev_mac, mac and head tags.
inline constexpr size_t kAuditMacBytes = 32;

// The mac `entry` must carry, computed from its prev_mac and its fields
// (entry.mac itself is ignored).
privacy::Bytes AuditEntryMac(const privacy::SecretKey& audit_key, const AuditEntry& entry);

// The tag stored in meta('audit_head') for a log whose newest entry has `seq`
// and `mac`.
privacy::Bytes AuditHeadTag(const privacy::SecretKey& audit_key, int64_t seq, privacy::ByteView mac);

}  // namespace pillarbox::audit
