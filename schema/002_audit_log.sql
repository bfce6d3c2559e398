-- 002_audit_log: the tamper-evident audit log of staff actions (authentication,
-- viewing, decrypting, changing and exporting reports, membership changes).
-- Each entry is chained to the one before it by a keyed BLAKE2b MAC whose key
-- is derived from the instance secret, which never enters this database
-- (service/src/audit/audit_mac.h gives the exact encoding). meta('audit_head')
-- holds "<seq>:<hex tag>" for the newest entry, written in the same transaction.
-- No column ever holds report plaintext: ids, dotted action names and
-- "key=value;key=value" details of closed values only (privacy/DATA_INVENTORY.md).

CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY CHECK (seq >= 1),  -- 1, 2, 3, ... with no gaps
  at          INTEGER NOT NULL,                      -- unix seconds of the staff action
  actor       TEXT NOT NULL,                         -- user id, "system" or "cli"
  action      TEXT NOT NULL,                         -- e.g. "auth.login.succeeded"
  object_type TEXT NOT NULL,                         -- e.g. "report", "desk", "user"
  object_id   TEXT NOT NULL,                         -- may be ""
  detail      TEXT NOT NULL,                         -- "" or "key=value;key=value"
  prev_mac    BLOB NOT NULL CHECK (length(prev_mac) = 32),
  mac         BLOB NOT NULL CHECK (length(mac) = 32)
) STRICT;
