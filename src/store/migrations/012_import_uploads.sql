-- Uploads of .xlsx / .csv files to import through the API (issue 8), kept
-- across restarts: who uploaded what and when, where it stands, and once
-- finished the summary and the whole report (JSON: both languages and the
-- refused rows, so the report .xlsx can be given again). The uploaded file
-- itself is on disk next to the database (<db>-uploads/<id>.<format>) while
-- it waits and runs. Progress while running is the server's (in memory):
-- the import's own transaction holds the write lock until it ends.
CREATE TABLE import_upload (
  id           {{id_pk}},
  account_id   BIGINT NOT NULL,
  login        TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL,
  mode         TEXT NOT NULL,
  dry_run      INTEGER NOT NULL DEFAULT 0,
  format       TEXT NOT NULL,
  file_name    TEXT NOT NULL DEFAULT '',
  file_path    TEXT NOT NULL DEFAULT '',
  size_bytes   BIGINT NOT NULL DEFAULT 0,
  state        TEXT NOT NULL,           -- queued | running | done | failed
  rows_read    BIGINT NOT NULL DEFAULT 0,
  report       TEXT,                    -- JSON, when done
  error        TEXT,                    -- JSON {code, field, row, zh, en}, when failed
  created_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
);
CREATE INDEX import_upload_account ON import_upload(account_id, id);
CREATE INDEX import_upload_state ON import_upload(state);
