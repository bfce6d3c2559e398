-- 008_evidence_bundles: sharing a case with a partner organization
-- (docs/ARCHITECTURE.md, "Evidence bundles"; privacy/DATA_INVENTORY.md says
-- what each column holds). An organization is registered by an admin with its
-- X25519 public key only: its secret key never reaches the service, so a
-- bundle, once written, cannot be opened here. Redactions are explicit and
-- recorded, but a redaction row never holds the text it hides (a field name
-- and byte offsets into the decrypted answer). A bundle's bytes are stored
-- already encrypted to the organization; partners list and download only the
-- bundles of their own organization, and only once a bundle is 'ready'.

CREATE TABLE organizations (
  id          TEXT PRIMARY KEY,  -- 32 random hex digits
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  public_key  BLOB NOT NULL CHECK (length(public_key) = 32),  -- X25519, generated outside the service
  created_day TEXT NOT NULL,     -- YYYY-MM-DD (UTC)
  created_by  TEXT NOT NULL REFERENCES users (id)
) STRICT;

-- A partner account belongs to exactly one organization (set when the
-- account is created; other roles have no row).
CREATE TABLE organization_members (
  user_id         TEXT PRIMARY KEY REFERENCES users (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id)
) STRICT, WITHOUT ROWID;

-- A reviewer's redaction of one sealed answer of a report: the whole field
-- (span_start and span_end NULL) or the bytes [span_start, span_end) of its
-- decrypted UTF-8 text. Deleting the report deletes its redactions.
CREATE TABLE report_redactions (
  id          TEXT PRIMARY KEY,  -- 32 random hex digits
  report_id   TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  field       TEXT NOT NULL,     -- a sealed questionnaire field name
  span_start  INTEGER,
  span_end    INTEGER,
  reason      TEXT NOT NULL CHECK (reason IN ('personal_data', 'third_party', 'safety', 'irrelevant',
                                              'legal_privilege')),
  created_by  TEXT NOT NULL REFERENCES users (id),
  created_day TEXT NOT NULL,     -- YYYY-MM-DD (UTC)
  CHECK ((span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start))
) STRICT;
CREATE INDEX report_redactions_by_report ON report_redactions (report_id, field);

-- A bundle shared with an organization. Written in several commits (its
-- chunks, then the flip to 'ready' with its audit entry): a bundle still
-- 'writing' (a crash in the middle) is never listed nor downloadable, and
-- the next start deletes it.
CREATE TABLE bundles (
  id              TEXT PRIMARY KEY,  -- 32 random hex digits
  case_id         TEXT NOT NULL REFERENCES cases (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  created_day     TEXT NOT NULL,     -- YYYY-MM-DD (UTC)
  created_by      TEXT NOT NULL REFERENCES users (id),
  size            INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),  -- bytes of the bundle file
  state           TEXT NOT NULL DEFAULT 'writing' CHECK (state IN ('writing', 'ready'))
) STRICT;
CREATE INDEX bundles_by_organization ON bundles (organization_id, created_day DESC, id);
CREATE INDEX bundles_by_case ON bundles (case_id, created_day DESC, id);

-- The bundle file, in order: consecutive pieces of the file exactly as
-- BundleWriter produced it (already encrypted to the organization).
CREATE TABLE bundle_chunks (
  bundle_id TEXT NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
  seq       INTEGER NOT NULL CHECK (seq >= 0),
  bytes     BLOB NOT NULL,
  PRIMARY KEY (bundle_id, seq)
) STRICT, WITHOUT ROWID;

-- Which evidence files the reviewer chose for a bundle, and the report
-- ordinal they appear under (reports/<ordinal>/files/...). No foreign key to
-- evidence_files: the record of what was shared outlives the file.
CREATE TABLE bundle_files (
  bundle_id      TEXT NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
  file_id        TEXT NOT NULL,
  report_ordinal INTEGER NOT NULL CHECK (report_ordinal >= 1),
  PRIMARY KEY (bundle_id, file_id)
) STRICT, WITHOUT ROWID;

-- The chain-of-custody extract of a bundle lists the audit entries about a
-- case, its reports and the bundle: found by object id instead of a scan of
-- the whole log.
CREATE INDEX audit_log_by_object ON audit_log (object_id, seq);
