-- 011: the livelihood front's work resumption (复工复产) and spring farming
-- (春耕). Quantities are exact integers: masks and thermometers in pieces,
-- disinfectant in millilitres; supplies in thousandths of the item's unit
-- (seed: milli-jin, fertilizer: milli-tonnes = kg, sprayers: milli-pieces,
-- whole pieces only; see livelihood/supplies.h).

CREATE TABLE enterprise (
  id              {{id_pk}},
  name            TEXT NOT NULL,
  credit_code     TEXT NOT NULL UNIQUE,     -- 统一社会信用代码 (GB 32100), normalised
  kind            TEXT NOT NULL,            -- enterprise | poverty_enterprise | poverty_workshop | cooperative_run
  region_code     TEXT NOT NULL,
  address         TEXT NOT NULL DEFAULT '',
  contact_name    TEXT NOT NULL DEFAULT '',
  contact_phone   TEXT NOT NULL DEFAULT '',
  workers_planned INTEGER NOT NULL DEFAULT 0,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL
);
CREATE INDEX enterprise_region ON enterprise(region_code);

-- One resumption application per enterprise; approved_on is set once (approved is final).
CREATE TABLE resumption (
  enterprise_id   BIGINT PRIMARY KEY REFERENCES enterprise(id),
  region_code     TEXT NOT NULL,            -- the enterprise's (for the bulletin's index)
  state           TEXT NOT NULL,            -- draft | submitted | approved | returned
  masks           INTEGER NOT NULL DEFAULT 0,
  thermometers    INTEGER NOT NULL DEFAULT 0,
  disinfectant_ml INTEGER NOT NULL DEFAULT 0,
  entry_checks    INTEGER NOT NULL DEFAULT 0,
  disinfection    INTEGER NOT NULL DEFAULT 0,
  separate_meals  INTEGER NOT NULL DEFAULT 0,
  submitted_on    TEXT,
  approved_on     TEXT,
  return_reason   TEXT NOT NULL DEFAULT '',
  steps           TEXT NOT NULL DEFAULT '[]',   -- [{"state","on","by","note"}]
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL
);
CREATE INDEX resumption_approved ON resumption(approved_on, region_code) WHERE approved_on IS NOT NULL;

CREATE TABLE enterprise_worker (
  id                 {{id_pk}},
  enterprise_id      BIGINT NOT NULL REFERENCES enterprise(id),
  name               TEXT NOT NULL,
  id_number          TEXT NOT NULL,
  phone              TEXT NOT NULL DEFAULT '',
  person_id          BIGINT REFERENCES person(id),   -- the registry person with this ID number
  health_declared_on TEXT,
  health_note        TEXT NOT NULL DEFAULT '',
  active             INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  UNIQUE (enterprise_id, id_number)
);
CREATE INDEX enterprise_worker_person ON enterprise_worker(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE worker_temperature (
  id                 {{id_pk}},
  worker_id          BIGINT NOT NULL REFERENCES enterprise_worker(id),
  enterprise_id      BIGINT NOT NULL REFERENCES enterprise(id),
  on_date            TEXT NOT NULL,
  temperature_tenths INTEGER NOT NULL,
  symptoms           TEXT NOT NULL DEFAULT '',      -- comma-separated symptom ids
  note               TEXT NOT NULL DEFAULT '',
  key_person_id      BIGINT,                        -- the referral it raised
  created_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  UNIQUE (worker_id, on_date)
);
CREATE INDEX worker_temperature_day ON worker_temperature(enterprise_id, on_date);

CREATE TABLE depot (
  id           {{id_pk}},
  name         TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  keeper_name  TEXT NOT NULL DEFAULT '',
  keeper_phone TEXT NOT NULL DEFAULT '',
  address      TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX depot_region ON depot(region_code);

CREATE TABLE depot_stock (
  depot_id BIGINT NOT NULL REFERENCES depot(id),
  item     TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 0),   -- milli-units
  PRIMARY KEY (depot_id, item)
) WITHOUT ROWID;

CREATE TABLE supply_receipt (
  id          {{id_pk}},
  depot_id    BIGINT NOT NULL REFERENCES depot(id),
  item        TEXT NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  received_on TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX supply_receipt_depot ON supply_receipt(depot_id, received_on);

CREATE TABLE cooperative (
  id           {{id_pk}},
  name         TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  leader_name  TEXT NOT NULL DEFAULT '',
  leader_phone TEXT NOT NULL DEFAULT '',
  members      INTEGER NOT NULL DEFAULT 0,
  produce      TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX cooperative_region ON cooperative(region_code);

CREATE TABLE supply_request (
  id             {{id_pk}},
  cooperative_id BIGINT REFERENCES cooperative(id),
  household_id   BIGINT REFERENCES household(id),
  region_code    TEXT NOT NULL,
  item           TEXT NOT NULL,
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  fulfilled      INTEGER NOT NULL DEFAULT 0 CHECK (fulfilled >= 0 AND fulfilled <= quantity),
  needed_by      TEXT NOT NULL,
  requested_on   TEXT NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL
);
CREATE INDEX supply_request_region ON supply_request(region_code, needed_by);

CREATE TABLE supply_distribution (
  id          {{id_pk}},
  depot_id    BIGINT NOT NULL REFERENCES depot(id),
  item        TEXT NOT NULL,
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  on_date     TEXT NOT NULL,
  request_id  BIGINT REFERENCES supply_request(id),
  recipient   TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
-- The bulletin sums per item from this index alone.
CREATE INDEX supply_distribution_day ON supply_distribution(on_date, region_code, item, quantity);
CREATE INDEX supply_distribution_depot ON supply_distribution(depot_id, on_date);

CREATE TABLE technician (
  id          {{id_pk}},
  name        TEXT NOT NULL,
  phone       TEXT NOT NULL DEFAULT '',
  speciality  TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX technician_region ON technician(region_code);

CREATE TABLE technician_assignment (
  id             {{id_pk}},
  technician_id  BIGINT NOT NULL REFERENCES technician(id),
  village_code   TEXT,
  cooperative_id BIGINT REFERENCES cooperative(id),
  region_code    TEXT NOT NULL,     -- the village's or the cooperative's
  from_date      TEXT NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL
);
CREATE INDEX technician_assignment_tech ON technician_assignment(technician_id);
CREATE INDEX technician_assignment_region ON technician_assignment(region_code);
