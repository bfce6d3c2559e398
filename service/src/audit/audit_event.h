// AuditEvent: what a caller records in the audit log (audit/audit_log.h):
// who did what to which object. Every value is an id, a dotted action name or
// a closed value, never report plaintext or a secret; ValidateAuditEvent
// enforces the character sets so free text cannot slip in.
// A plain value type: thread-compatible.
#pragma once

#include <string>

#include "common/status.h"

namespace pillarbox::audit {

// The actor of every reporter action (a reporter is known by no id).
inline constexpr char kReporterActor[] = "reporter";

struct AuditEvent {
  std::string actor;        // a user id, "system", "cli" or "reporter" (a reporter with their receipt)
  std::string action;       // dotted, e.g. "auth.login.succeeded", "report.viewed", "desk.member.added"
  std::string object_type;  // e.g. "instance", "user", "desk", "report"
  std::string object_id;    // the object's id; "" when the action has no object
  std::string detail;       // "" or "key=value;key=value" of closed values
};

// Ok when `event` may be written to the audit log; InvalidArgument naming the
// field otherwise. Rules (lengths in bytes):
//   actor:       1-64 of [A-Za-z0-9_.:-]
//   action:      2-8 segments of [a-z0-9_]+ joined by '.', at most 64 in all
//   object_type: 1-32 of [a-z_]
//   object_id:   0-128 of [A-Za-z0-9_.:-]
//   detail:      at most 256; "" or pairs key=value joined by ';', each key
//                [a-z0-9_]+ and each value [A-Za-z0-9_.:-]*
Status ValidateAuditEvent(const AuditEvent& event);

}  // namespace pillarbox::audit
