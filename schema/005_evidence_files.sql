-- 005_evidence_files: files a reporter attaches to their report (a screenshot
-- of a wage decision, an audio clip of a cloned voice). docs/ARCHITECTURE.md
-- ("Evidence files") explains the pipeline; privacy/DATA_INVENTORY.md says
-- what each column holds. Nothing here is readable without the report's data
-- key: the file's name, type, size and what was stripped from it are sealed
-- in sealed_meta, and its bytes are a crypto_secretstream under a per-file
-- key that is itself sealed under the report's data key. Deleting the report
-- deletes its files (ON DELETE CASCADE), so crypto-shredding a report shreds
-- its evidence in the same transaction.

CREATE TABLE evidence_files (
  id            TEXT PRIMARY KEY,  -- 32 random hex digits
  report_id     TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  created_day   TEXT NOT NULL,     -- YYYY-MM-DD (UTC), never a time
  sealed_key    BLOB NOT NULL,     -- the file key, SealField under the report's data key
  sealed_meta   BLOB NOT NULL,     -- JSON {name, type, size, removed, warnings}, sealed likewise
  stream_header BLOB NOT NULL CHECK (length(stream_header) = 24),  -- crypto_secretstream header
  chunk_count   INTEGER NOT NULL CHECK (chunk_count >= 1)
) STRICT, WITHOUT ROWID;

CREATE INDEX evidence_files_by_report ON evidence_files (report_id);

-- The secretstream's messages in order; the last carries the FINAL tag, so a
-- truncated sequence fails to open.
CREATE TABLE evidence_chunks (
  file_id    TEXT NOT NULL REFERENCES evidence_files (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL CHECK (seq >= 0),
  ciphertext BLOB NOT NULL,
  PRIMARY KEY (file_id, seq)
) STRICT, WITHOUT ROWID;
