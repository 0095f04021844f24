-- 002: accounts and sessions.
-- Passwords are argon2id hashes (libsodium crypto_pwhash_str); session tokens
-- are stored only as hashes, so a copy of the database opens no session.
CREATE TABLE account (
  id              {{id_pk}},
  login           TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL DEFAULT '',
  password_hash   TEXT NOT NULL,
  role            TEXT NOT NULL,
  region_code     TEXT REFERENCES region(code),   -- the jurisdiction, by role
  cadre_id        BIGINT REFERENCES cadre(id),    -- paired_cadre accounts
  checkpoint_id   BIGINT,                         -- checkpoint_staff (epidemic front)
  enterprise_id   BIGINT,                         -- enterprise (livelihood front)
  disabled        INTEGER NOT NULL DEFAULT 0,
  failed_logins   INTEGER NOT NULL DEFAULT 0,     -- consecutive failures
  locked_until    TEXT,                           -- ISO 8601 UTC; NULL when not locked
  password_set_at TEXT NOT NULL,
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);

CREATE TABLE session (
  token_hash   TEXT PRIMARY KEY,   -- hex BLAKE2b of the bearer token
  account_id   BIGINT NOT NULL REFERENCES account(id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  address      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_account ON session(account_id);
