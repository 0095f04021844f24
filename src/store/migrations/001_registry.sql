-- 001: the registry both fronts share.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL (no AUTOINCREMENT,
-- no SQLite-only types; timestamps are ISO 8601 text). {{id_pk}} is the one
-- dialect token: INTEGER PRIMARY KEY on SQLite (the rowid), BIGINT GENERATED
-- BY DEFAULT AS IDENTITY PRIMARY KEY on PostgreSQL.
-- Every record carries created/updated time and actor and a version for
-- optimistic concurrency; deleted_at marks a soft delete.

CREATE TABLE region (
  code        TEXT PRIMARY KEY,           -- shortest prefix form: 6/9/12/15 digits
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('county','township','village','group')),
  parent_code TEXT REFERENCES region(code)
);
CREATE INDEX region_parent ON region(parent_code);

CREATE TABLE household (
  id             {{id_pk}},
  number         TEXT NOT NULL,           -- 户编号
  region_code    TEXT NOT NULL REFERENCES region(code),  -- village or group
  address        TEXT NOT NULL DEFAULT '',
  head_person_id BIGINT,                  -- set once members exist
  phone          TEXT NOT NULL DEFAULT '',
  version        BIGINT NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL,
  deleted_at     TEXT
);
CREATE UNIQUE INDEX household_number ON household(number) WHERE deleted_at IS NULL;
-- Live households by place, ordered by number: lists and counts of a region
-- are answered from this index alone.
CREATE INDEX household_region ON household(region_code, number) WHERE deleted_at IS NULL;

CREATE TABLE person (
  id            {{id_pk}},
  household_id  BIGINT REFERENCES household(id),
  name          TEXT NOT NULL,
  id_number     TEXT NOT NULL,
  sex           TEXT NOT NULL CHECK (sex IN ('male','female')),
  birth_date    TEXT NOT NULL,
  relationship  TEXT NOT NULL DEFAULT '99',  -- national code: 01 self, 10 spouse ... 99 other
  ethnicity     TEXT NOT NULL DEFAULT '汉族',
  education     TEXT NOT NULL DEFAULT '',
  enrolment     TEXT NOT NULL DEFAULT '',
  health        TEXT NOT NULL DEFAULT 'healthy',
  labour        TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  region_code   TEXT NOT NULL REFERENCES region(code),  -- copied from the household for scoped queries
  version       BIGINT NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE UNIQUE INDEX person_id_number ON person(id_number) WHERE deleted_at IS NULL;
CREATE INDEX person_household ON person(household_id);
CREATE INDEX person_name ON person(name);
CREATE INDEX person_region ON person(region_code);

CREATE TABLE cadre (
  id          {{id_pk}},
  name        TEXT NOT NULL,
  unit        TEXT NOT NULL DEFAULT '',    -- 工作单位
  phone       TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL REFERENCES region(code),  -- where the cadre works
  version     BIGINT NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX cadre_region ON cadre(region_code);

CREATE TABLE cadre_kind (
  cadre_id BIGINT NOT NULL REFERENCES cadre(id),
  kind     TEXT NOT NULL CHECK (kind IN ('village_stationed','paired','poverty_officer','village_committee')),
  PRIMARY KEY (cadre_id, kind)
);
CREATE INDEX cadre_kind_kind ON cadre_kind(kind);

CREATE TABLE village_team (
  id              {{id_pk}},
  village_code    TEXT NOT NULL REFERENCES region(code),
  name            TEXT NOT NULL DEFAULT '',
  leader_cadre_id BIGINT REFERENCES cadre(id),
  from_date       TEXT NOT NULL,
  to_date         TEXT,
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX village_team_village ON village_team(village_code);

CREATE TABLE village_team_member (
  team_id  BIGINT NOT NULL REFERENCES village_team(id),
  cadre_id BIGINT NOT NULL REFERENCES cadre(id),
  PRIMARY KEY (team_id, cadre_id)
);
CREATE INDEX village_team_member_cadre ON village_team_member(cadre_id);

CREATE TABLE pairing (
  id           {{id_pk}},
  cadre_id     BIGINT NOT NULL REFERENCES cadre(id),
  household_id BIGINT NOT NULL REFERENCES household(id),
  from_date    TEXT NOT NULL,
  to_date      TEXT,                       -- NULL: still responsible
  version      BIGINT NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  deleted_at   TEXT
);
-- A household has one responsible paired cadre at a time.
CREATE UNIQUE INDEX pairing_current ON pairing(household_id) WHERE to_date IS NULL AND deleted_at IS NULL;
CREATE INDEX pairing_cadre ON pairing(cadre_id);

-- The poverty register's core status (the poverty front adds its own tables).
CREATE TABLE poverty_household (
  household_id    BIGINT PRIMARY KEY REFERENCES household(id),
  status          TEXT NOT NULL CHECK (status IN ('registered_poor','lifted','marginal')),
  registered_year INTEGER,
  lifted_year     INTEGER,
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);
CREATE INDEX poverty_household_status ON poverty_household(status);

-- Key/value facts about this database (e.g. demo seed and scale).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
