-- 009_retention: how long reports, cases and evidence bundles are kept
-- (docs/OPERATIONS.md "Retention"; cases/retention_policy.h states the rules;
-- privacy/DATA_INVENTORY.md says what each column holds).
--
-- closed_day is the UTC day a report or case was closed (a case: closed or
-- merged); the workflow sets it on the move to closed and clears it on
-- reopening. Reports and cases closed before this migration count from the
-- day it runs. A case on legal hold is never purged, nor is any report linked
-- to it.

ALTER TABLE reports ADD COLUMN closed_day TEXT;  -- YYYY-MM-DD (UTC) while closed, else NULL
UPDATE reports SET closed_day = date('now') WHERE status = 'closed';

ALTER TABLE cases ADD COLUMN closed_day TEXT;    -- YYYY-MM-DD (UTC) while closed or merged, else NULL
ALTER TABLE cases ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
UPDATE cases SET closed_day = date('now') WHERE status IN ('closed', 'merged');

-- The purge finds closed reports and cases by day. Intake stores no
-- closed_day, so the partial index costs a submission nothing.
CREATE INDEX reports_by_closed_day ON reports (closed_day, kind, id) WHERE closed_day IS NOT NULL;
CREATE INDEX cases_by_closed_day ON cases (closed_day, id) WHERE closed_day IS NOT NULL;

-- Instance-wide defaults. Per report kind, a missing
-- retention.kind.<kind>.delete_closed_after_days means 180 and a missing
-- retention.kind.<kind>.delete_any_after_days means off.
INSERT INTO settings (key, value) VALUES
  ('retention.delete_closed_cases_after_days', '730'),
  ('retention.delete_bundles_after_days', '30');
