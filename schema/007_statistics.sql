-- 007_statistics: the researchers' statistics API (docs/ARCHITECTURE.md "Researcher statistics",
-- privacy/ANONYMIZATION.md). Nothing here names a report: the release log
-- holds counts per month and closed values, the ledger holds epsilons.
-- privacy/DATA_INVENTORY.md says what each column holds.

-- Per-month counts read one covering index: a report's day and its four
-- single-valued clear dimensions (and the demo flag, so demo reports are
-- skipped without a seek into reports). One more index entry per
-- submission (docs/BENCHMARKS.md, "Statistics").
CREATE INDEX reports_by_day_clear ON reports (received_day, kind, region, sector, status, demo);

-- The privacy budget of each researcher, in micro-epsilon (exact integers:
-- epsilons are decimals with at most 6 digits after the point). Created at
-- the researcher's first DP query with the instance's configured budget.
CREATE TABLE stats_budgets (
  user_id      TEXT PRIMARY KEY REFERENCES users (id),
  total_micro  INTEGER NOT NULL CHECK (total_micro >= 0),
  spent_micro  INTEGER NOT NULL DEFAULT 0 CHECK (spent_micro >= 0 AND spent_micro <= total_micro)
) STRICT;

-- One row per DP query charged to a budget.
CREATE TABLE stats_charges (
  user_id      TEXT NOT NULL REFERENCES users (id),
  seq          INTEGER NOT NULL CHECK (seq >= 1),
  charged_day  TEXT NOT NULL,              -- YYYY-MM-DD (UTC)
  epsilon_micro INTEGER NOT NULL CHECK (epsilon_micro >= 1),
  group_by     TEXT NOT NULL,              -- canonical dimension list, e.g. "kind,region" ("" for totals)
  from_month   TEXT NOT NULL,              -- YYYY-MM
  to_month     TEXT NOT NULL,              -- YYYY-MM
  PRIMARY KEY (user_id, seq)
) STRICT, WITHOUT ROWID;

-- The threshold release log: which (group_by, month) tables were published,
-- and every cell as published, so a later query returns the same answer
-- (frozen: deletions and status changes cannot be differenced).
CREATE TABLE stats_released_tables (
  group_by      TEXT NOT NULL,  -- canonical dimension list ("" for the month's total)
  month         TEXT NOT NULL,  -- YYYY-MM
  k             INTEGER NOT NULL CHECK (k >= 5),
  released_day  TEXT NOT NULL,  -- YYYY-MM-DD (UTC)
  PRIMARY KEY (group_by, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE stats_released_cells (
  group_by  TEXT NOT NULL,
  month     TEXT NOT NULL,
  cell      TEXT NOT NULL,   -- the cell's values in dimension order, joined by ',' ("" for the total)
  count     INTEGER,         -- the published count; NULL when suppressed
  PRIMARY KEY (group_by, month, cell),
  FOREIGN KEY (group_by, month) REFERENCES stats_released_tables (group_by, month)
) STRICT, WITHOUT ROWID;
