-- 010: jobs on the livelihood front (就业): the labour register of the poor,
-- employers, job postings, placements and public-welfare posts (公益岗位).
-- Placements and welfare-post holdings keep what they credited to their
-- household's wage income (poverty_income.wage_fen of credit_year), so an
-- early end credits back exactly the difference. region_code columns are
-- copied from the household (labourers, placements) or the post (holdings)
-- for scoped queries and the bulletin.

CREATE TABLE labourer (
  id            {{id_pk}},
  person_id     BIGINT NOT NULL REFERENCES person(id),
  household_id  BIGINT NOT NULL REFERENCES household(id),
  region_code   TEXT NOT NULL,
  skills        TEXT NOT NULL DEFAULT '',      -- comma-separated
  available_from TEXT NOT NULL,
  hours         TEXT NOT NULL CHECK (hours IN ('full_time','part_time')),
  returned_from TEXT NOT NULL DEFAULT '',
  wanted_kind   TEXT NOT NULL DEFAULT '',
  wanted_place  TEXT NOT NULL DEFAULT 'anywhere',
  status        TEXT NOT NULL CHECK (status IN ('available','placed','unavailable')),
  note          TEXT NOT NULL DEFAULT '',
  version       BIGINT NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE UNIQUE INDEX labourer_person ON labourer(person_id);
CREATE INDEX labourer_region ON labourer(region_code, status);
CREATE INDEX labourer_household ON labourer(household_id);

CREATE TABLE employer (
  id            {{id_pk}},
  kind          TEXT NOT NULL CHECK (kind IN ('enterprise','poverty_workshop','poverty_enterprise')),
  name          TEXT NOT NULL,
  region_code   TEXT NOT NULL REFERENCES region(code),
  contact_name  TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  enterprise_id BIGINT,                        -- the enterprise register (011); no foreign key
  note          TEXT NOT NULL DEFAULT '',
  version       BIGINT NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE UNIQUE INDEX employer_name ON employer(name);
CREATE INDEX employer_region ON employer(region_code);

CREATE TABLE job_posting (
  id              {{id_pk}},
  employer_id     BIGINT NOT NULL REFERENCES employer(id),
  title           TEXT NOT NULL,
  kind            TEXT NOT NULL,
  region_code     TEXT NOT NULL REFERENCES region(code),
  monthly_pay_fen BIGINT NOT NULL CHECK (monthly_pay_fen > 0),
  places          INTEGER NOT NULL CHECK (places > 0),
  start_date      TEXT NOT NULL,
  skills          TEXT NOT NULL DEFAULT '',
  hours           TEXT NOT NULL DEFAULT 'full_time',
  status          TEXT NOT NULL CHECK (status IN ('open','filled','closed')),
  note            TEXT NOT NULL DEFAULT '',
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);
CREATE INDEX job_posting_employer ON job_posting(employer_id);
CREATE INDEX job_posting_region ON job_posting(region_code, status);

CREATE TABLE placement (
  id               {{id_pk}},
  labourer_id      BIGINT NOT NULL REFERENCES labourer(id),
  person_id        BIGINT NOT NULL REFERENCES person(id),
  household_id     BIGINT NOT NULL REFERENCES household(id),
  posting_id       BIGINT NOT NULL REFERENCES job_posting(id),
  region_code      TEXT NOT NULL,
  start_date       TEXT NOT NULL,
  end_date         TEXT,
  monthly_wage_fen BIGINT NOT NULL CHECK (monthly_wage_fen > 0),
  credit_year      INTEGER NOT NULL,
  credited_fen     BIGINT NOT NULL DEFAULT 0,
  end_reason       TEXT NOT NULL DEFAULT '',
  version          BIGINT NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL
);
CREATE INDEX placement_posting ON placement(posting_id, end_date);
CREATE INDEX placement_labourer ON placement(labourer_id);
-- The bulletin counts placements running on a day per region from this index.
CREATE INDEX placement_running ON placement(region_code, start_date, end_date, labourer_id, household_id);

CREATE TABLE welfare_post (
  id              {{id_pk}},
  kind            TEXT NOT NULL,
  title           TEXT NOT NULL,
  region_code     TEXT NOT NULL REFERENCES region(code),
  monthly_pay_fen BIGINT NOT NULL CHECK (monthly_pay_fen > 0),
  note            TEXT NOT NULL DEFAULT '',
  version         BIGINT NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);
CREATE INDEX welfare_post_region ON welfare_post(region_code);

CREATE TABLE welfare_holding (
  id            {{id_pk}},
  post_id       BIGINT NOT NULL REFERENCES welfare_post(id),
  person_id     BIGINT NOT NULL REFERENCES person(id),
  household_id  BIGINT NOT NULL REFERENCES household(id),
  region_code   TEXT NOT NULL,
  from_date     TEXT NOT NULL,
  to_date       TEXT,
  credit_year   INTEGER NOT NULL,
  credited_fen  BIGINT NOT NULL DEFAULT 0,
  end_reason    TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE INDEX welfare_holding_post ON welfare_holding(post_id, from_date);
CREATE INDEX welfare_holding_person ON welfare_holding(person_id);
-- The bulletin counts posts held on a day per region from this index.
CREATE INDEX welfare_holding_running ON welfare_holding(region_code, from_date, to_date, post_id);
