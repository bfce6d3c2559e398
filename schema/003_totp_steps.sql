-- 003_totp_steps: the last TOTP time step each account used, so that every
-- code is accepted once (RFC 6238 section 5.2) even across restarts.
CREATE TABLE totp_steps (
  user_id   TEXT PRIMARY KEY REFERENCES users (id),
  last_step INTEGER NOT NULL CHECK (last_step >= 0)
) STRICT, WITHOUT ROWID;
