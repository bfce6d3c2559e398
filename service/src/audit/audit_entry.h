// AuditEntry: one stored row of the audit log (schema/002_audit_log.sql).
// A plain value type: thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pillarbox::audit {

struct AuditEntry {
  int64_t seq = 0;  // 1, 2, 3, ... with no gaps
  int64_t at = 0;   // unix seconds of the action
  std::string actor;
  std::string action;
  std::string object_type;
  std::string object_id;
  std::string detail;
  std::vector<uint8_t> prev_mac;  // the previous entry's mac; 32 zero bytes for entry 1
  std::vector<uint8_t> mac;       // AuditEntryMac(key, *this)
  bool operator==(const AuditEntry&) const = default;
};

}  // namespace pillarbox::audit
