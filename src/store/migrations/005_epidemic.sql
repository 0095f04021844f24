-- 005: the epidemic front. Key persons, cases and their steps, contacts,
-- medical observation and daily follow-up, phone-screening campaigns,
-- checkpoints and passages. Persons come from the registry (a key person
-- from outside it is added as a person without a household).

CREATE TABLE key_person (
  id           {{id_pk}},
  person_id    BIGINT NOT NULL REFERENCES person(id),
  category     TEXT NOT NULL,   -- confirmed | suspected | fever | close_contact | hubei_returnee
  source       TEXT NOT NULL,   -- checkpoint | phone_screening | self_report | hospital | contact_tracing | enterprise
  region_code  TEXT NOT NULL REFERENCES region(code),
  added_on     TEXT NOT NULL,
  arrival_on   TEXT,            -- Hubei returnees: when they arrived
  arrived_from TEXT NOT NULL DEFAULT '',
  travel_mode  TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX key_person_person ON key_person(person_id);
CREATE INDEX key_person_region ON key_person(region_code, added_on);

CREATE TABLE epi_case (
  id               {{id_pk}},
  person_id        BIGINT NOT NULL REFERENCES person(id),
  region_code      TEXT NOT NULL REFERENCES region(code),
  state            TEXT NOT NULL,   -- suspected | confirmed | discharged | deceased | excluded
  suspected_on     TEXT,
  suspected_place  TEXT NOT NULL DEFAULT '',
  confirmed_on     TEXT,
  confirmed_place  TEXT NOT NULL DEFAULT '',
  closed_on        TEXT,            -- discharged, deceased or excluded on
  closed_place     TEXT NOT NULL DEFAULT '',
  version          BIGINT NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL
);
CREATE INDEX epi_case_person ON epi_case(person_id);
CREATE INDEX epi_case_region ON epi_case(region_code);

CREATE TABLE contact (
  id         {{id_pk}},
  person_a   BIGINT NOT NULL REFERENCES person(id),
  person_b   BIGINT NOT NULL REFERENCES person(id),
  on_date    TEXT NOT NULL,
  setting    TEXT NOT NULL DEFAULT '',   -- household | meal | work | transport | medical | other
  closeness  TEXT NOT NULL DEFAULT 'close',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX contact_a ON contact(person_a);
CREATE INDEX contact_b ON contact(person_b);

CREATE TABLE observation (
  id            {{id_pk}},
  person_id     BIGINT NOT NULL REFERENCES person(id),
  region_code   TEXT NOT NULL REFERENCES region(code),
  kind          TEXT NOT NULL CHECK (kind IN ('home','centralized')),
  site          TEXT NOT NULL DEFAULT '',
  room          TEXT NOT NULL DEFAULT '',
  start_on      TEXT NOT NULL,
  last_exposure TEXT NOT NULL,
  planned_end   TEXT NOT NULL,
  released_on   TEXT,
  release_note  TEXT NOT NULL DEFAULT '',
  cadre_id      BIGINT REFERENCES cadre(id),   -- who follows up
  version       BIGINT NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE INDEX observation_person ON observation(person_id);
CREATE INDEX observation_open ON observation(released_on, planned_end);
CREATE INDEX observation_region ON observation(region_code);

CREATE TABLE follow_up (
  id             {{id_pk}},
  observation_id BIGINT NOT NULL REFERENCES observation(id),
  on_date        TEXT NOT NULL,          -- the day it is for
  done_at        TEXT NOT NULL,          -- when it was recorded
  temperature    REAL,
  symptoms       TEXT NOT NULL DEFAULT '',
  alert          INTEGER NOT NULL DEFAULT 0,
  by_name        TEXT NOT NULL,
  UNIQUE (observation_id, on_date)
);

CREATE TABLE campaign (
  id          {{id_pk}},
  name        TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES region(code),
  start_on    TEXT NOT NULL,
  end_on      TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);

CREATE TABLE campaign_call (
  id           {{id_pk}},
  campaign_id  BIGINT NOT NULL REFERENCES campaign(id),
  household_id BIGINT NOT NULL REFERENCES household(id),
  cadre_id     BIGINT REFERENCES cadre(id),
  outcome      TEXT,                   -- NULL: not yet called
  needs        TEXT NOT NULL DEFAULT '',  -- comma-separated: food, medicine, unsold_produce
  notes        TEXT NOT NULL DEFAULT '',
  called_at    TEXT,
  called_by    TEXT NOT NULL DEFAULT '',
  UNIQUE (campaign_id, household_id)
);
CREATE INDEX campaign_call_cadre ON campaign_call(campaign_id, cadre_id);

CREATE TABLE checkpoint (
  id           {{id_pk}},
  name         TEXT NOT NULL,
  location     TEXT NOT NULL DEFAULT '',
  region_code  TEXT NOT NULL REFERENCES region(code),   -- its township (or village)
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);

CREATE TABLE checkpoint_duty (
  id            {{id_pk}},
  checkpoint_id BIGINT NOT NULL REFERENCES checkpoint(id),
  name          TEXT NOT NULL,
  cadre_id      BIGINT REFERENCES cadre(id),
  starts_at     TEXT NOT NULL,
  ends_at       TEXT NOT NULL
);
CREATE INDEX checkpoint_duty_checkpoint ON checkpoint_duty(checkpoint_id, starts_at);

CREATE TABLE passage (
  id            {{id_pk}},
  checkpoint_id BIGINT NOT NULL REFERENCES checkpoint(id),
  at            TEXT NOT NULL,        -- ISO 8601 local time
  on_date       TEXT NOT NULL,        -- the day, for the bulletin
  plate         TEXT NOT NULL DEFAULT '',
  persons       INTEGER NOT NULL DEFAULT 1,
  origin        TEXT NOT NULL DEFAULT '',
  max_temperature REAL,
  fever         INTEGER NOT NULL DEFAULT 0,
  key_person_id BIGINT REFERENCES key_person(id),   -- the referral of a fever
  created_by    TEXT NOT NULL
);
CREATE INDEX passage_checkpoint ON passage(checkpoint_id, on_date);
CREATE INDEX passage_day ON passage(on_date);
