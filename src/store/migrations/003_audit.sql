-- 003: the audit trail. Append-only: no code path updates or deletes a row
-- (on SQLite, triggers created by the store refuse it as well).
CREATE TABLE audit_log (
  id         {{id_pk}},
  at         TEXT NOT NULL,          -- ISO 8601 UTC
  actor      TEXT NOT NULL,          -- login, or cli / demo / import
  role       TEXT NOT NULL DEFAULT '',
  address    TEXT NOT NULL DEFAULT '',  -- client address
  action     TEXT NOT NULL,          -- create | update | delete | reveal | login | login_failed | logout | ...
  entity     TEXT NOT NULL,          -- household | person | cadre | village_team | pairing | account | ...
  entity_id  TEXT NOT NULL DEFAULT '',
  before     TEXT,                   -- JSON of the record before (NULL for create)
  after      TEXT,                   -- JSON after (NULL for delete)
  detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_actor ON audit_log(actor, id);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_at ON audit_log(at);
