-- 001_initial: desks, accounts, reports. See docs/ARCHITECTURE.md and
-- privacy/DATA_INVENTORY.md for what each column holds. Every free-text value
-- is a ciphertext (BLOB); clear columns are closed enumerations or internal ids.
-- Reports are WITHOUT ROWID tables keyed by a random id, so no column or rowid
-- reveals the order in which reports arrived within a day.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- A desk is a team of reviewers that receives one or more kinds of report.
CREATE TABLE desks (
  id          TEXT PRIMARY KEY,           -- e.g. "voice_cloning"
  name        TEXT NOT NULL UNIQUE,       -- display name chosen by the admin
  key_version INTEGER NOT NULL CHECK (key_version >= 1),
  public_key  BLOB NOT NULL CHECK (length(public_key) = 32)
) STRICT;

-- Which desk receives which kind.
CREATE TABLE desk_kinds (
  kind    TEXT PRIMARY KEY,
  desk_id TEXT NOT NULL REFERENCES desks (id)
) STRICT;

-- Public keys of past desk key versions stay for reports sealed under them.
CREATE TABLE desk_key_versions (
  desk_id     TEXT NOT NULL REFERENCES desks (id),
  key_version INTEGER NOT NULL,
  public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
  PRIMARY KEY (desk_id, key_version)
) STRICT, WITHOUT ROWID;

CREATE TABLE users (
  id                      TEXT PRIMARY KEY,
  username                TEXT NOT NULL UNIQUE,
  role                    TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'partner', 'researcher')),
  password_salt           BLOB NOT NULL,
  password_verifier       BLOB NOT NULL,
  kdf_operations          INTEGER NOT NULL,
  kdf_memory_bytes        INTEGER NOT NULL,
  public_key              BLOB NOT NULL CHECK (length(public_key) = 32),
  password_wrapped_key    BLOB NOT NULL,  -- X25519 secret key wrapped under the password KEK
  recovery_salt           BLOB NOT NULL,
  recovery_wrapped_key    BLOB NOT NULL,  -- the same, wrapped under the recovery-code KEK
  sealed_totp_secret      BLOB NOT NULL,  -- TOTP secret wrapped under the password KEK
  disabled                INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_day             TEXT NOT NULL
) STRICT;

-- A desk's private key, sealed to each member's public key, per key version.
CREATE TABLE desk_members (
  desk_id         TEXT NOT NULL REFERENCES desks (id),
  user_id         TEXT NOT NULL REFERENCES users (id),
  key_version     INTEGER NOT NULL,
  sealed_desk_key BLOB NOT NULL,
  PRIMARY KEY (desk_id, user_id, key_version)
) STRICT, WITHOUT ROWID;

CREATE TABLE reports (
  id                        TEXT PRIMARY KEY,  -- 32 random hex digits
  kind                      TEXT NOT NULL,
  desk_id                   TEXT NOT NULL REFERENCES desks (id),
  desk_key_version          INTEGER NOT NULL,
  received_day              TEXT NOT NULL,     -- YYYY-MM-DD (UTC), never a time
  region                    TEXT NOT NULL,
  sector                    TEXT NOT NULL,
  status                    TEXT NOT NULL DEFAULT 'new',
  desk_sealed_data_key      BLOB NOT NULL,     -- crypto_box_seal to the desk
  reporter_wrapped_data_key BLOB NOT NULL,     -- wrapped under the receipt's reporter key
  lookup_id                 BLOB NOT NULL UNIQUE CHECK (length(lookup_id) = 32)
) STRICT, WITHOUT ROWID;

-- The triage queue lists a desk's reports newest first. Every index costs a
-- random page write per submission (docs/BENCHMARKS.md), so indexes are added
-- only with the query that needs them.
CREATE INDEX reports_by_desk_day ON reports (desk_id, received_day DESC, id DESC);

-- One ciphertext per sealed questionnaire field (all of them, answered or not).
CREATE TABLE report_fields (
  report_id  TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  field      TEXT NOT NULL,
  ciphertext BLOB NOT NULL,
  PRIMARY KEY (report_id, field)
) STRICT, WITHOUT ROWID;

-- Enumerated answers marked "storage": "clear" (one row per chosen value).
CREATE TABLE report_clear_answers (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  field     TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (report_id, field, value)
) STRICT, WITHOUT ROWID;

-- Keyed BLAKE2b of normalized organization / AI system names.
CREATE TABLE report_blind_indexes (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  field     TEXT NOT NULL,
  digest    BLOB NOT NULL CHECK (length(digest) = 32),
  PRIMARY KEY (report_id, field)
) STRICT, WITHOUT ROWID;

CREATE INDEX report_blind_indexes_by_digest ON report_blind_indexes (field, digest);
