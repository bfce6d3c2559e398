-- 006_deferred_audit: audit entries of reporter actions (a reply, an evidence
-- file, a deletion) wait here until their UTC day is over and then join the
-- chained audit_log in the order of their random ids, stamped 00:00 UTC of
-- their day (audit/deferred_audit.h). A reporter's entry placed at once
-- between two staff entries with exact times would date the reporter's action
-- to within minutes; placed after the day, it dates it to the day only.
CREATE TABLE audit_deferred (
  id          TEXT PRIMARY KEY,  -- 32 random hex digits: key order says nothing about arrival
  day_start   INTEGER NOT NULL,  -- unix seconds of 00:00 UTC of the action's day, never a time
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id   TEXT NOT NULL,
  detail      TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX audit_deferred_by_day ON audit_deferred (day_start);
