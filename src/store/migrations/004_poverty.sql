-- 004: the poverty front. What the check reads (causes, income, members'
-- insurance and disability, housing, water, benefits, loans, assistance,
-- visits, risk cases) and what it writes (results, classes, gap tasks).
-- Unknown is NULL: the check answers "unknown" naming the field.

CREATE TABLE poverty_cause (
  household_id BIGINT NOT NULL REFERENCES household(id),
  cause        TEXT NOT NULL,            -- illness, disability, schooling, ...
  is_main      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (household_id, cause)
);

CREATE TABLE poverty_income (
  household_id       BIGINT NOT NULL REFERENCES household(id),
  year               INTEGER NOT NULL,
  wage_fen           BIGINT,
  business_fen       BIGINT,
  property_fen       BIGINT,
  transfer_fen       BIGINT,
  business_costs_fen BIGINT,
  version            BIGINT NOT NULL DEFAULT 1,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT NOT NULL,
  PRIMARY KEY (household_id, year)
);

CREATE TABLE poverty_member (
  person_id              BIGINT PRIMARY KEY REFERENCES person(id),
  household_id           BIGINT NOT NULL REFERENCES household(id),
  basic_medical          INTEGER,
  serious_illness        INTEGER,
  chronic_card           INTEGER,
  disability_certificate TEXT NOT NULL DEFAULT '',
  disability_subsidy     INTEGER,
  updated_at             TEXT NOT NULL,
  updated_by             TEXT NOT NULL
);
CREATE INDEX poverty_member_household ON poverty_member(household_id);

CREATE TABLE poverty_condition (
  household_id      BIGINT PRIMARY KEY REFERENCES household(id),
  housing_grade     TEXT CHECK (housing_grade IN ('A','B','C','D')),
  water_quality     INTEGER,
  water_quantity    INTEGER,
  water_convenience INTEGER,
  water_reliability INTEGER,
  dibao             INTEGER,
  tekun             INTEGER,
  version           BIGINT NOT NULL DEFAULT 1,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL
);

CREATE TABLE microcredit_loan (
  id           {{id_pk}},
  household_id BIGINT NOT NULL REFERENCES household(id),
  amount_fen   BIGINT NOT NULL,
  start_date   TEXT NOT NULL,
  due_date     TEXT NOT NULL,
  repaid_fen   BIGINT NOT NULL DEFAULT 0,
  repaid_on    TEXT,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX microcredit_loan_household ON microcredit_loan(household_id);

CREATE TABLE assistance_measure (
  id           {{id_pk}},
  household_id BIGINT NOT NULL REFERENCES household(id),
  kind         TEXT NOT NULL,
  on_date      TEXT NOT NULL,
  amount_fen   BIGINT NOT NULL DEFAULT 0,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX assistance_measure_household ON assistance_measure(household_id);

CREATE TABLE visit (
  id           {{id_pk}},
  household_id BIGINT NOT NULL REFERENCES household(id),
  cadre_id     BIGINT REFERENCES cadre(id),
  visited_on   TEXT NOT NULL,
  mode         TEXT NOT NULL CHECK (mode IN ('in_person','phone')),
  food_ok      INTEGER,
  clothing_ok  INTEGER,
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX visit_household ON visit(household_id, visited_on);

CREATE TABLE risk_case (
  id           {{id_pk}},
  household_id BIGINT NOT NULL REFERENCES household(id),
  category     TEXT NOT NULL,
  trigger_kind TEXT,
  trigger_on   TEXT NOT NULL,
  person_id    BIGINT REFERENCES person(id),
  kinds        TEXT NOT NULL DEFAULT '',   -- comma-separated risk kinds
  opened_on    TEXT NOT NULL,
  deadline     TEXT NOT NULL,
  closed_on    TEXT,
  close_method TEXT,
  note         TEXT NOT NULL DEFAULT '',
  close_note   TEXT NOT NULL DEFAULT '',
  closed_by    TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '',   -- what raised it, e.g. "epidemic.observation:12"
  version      BIGINT NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL
);
CREATE INDEX risk_case_household ON risk_case(household_id);
CREATE INDEX risk_case_open ON risk_case(closed_on, deadline);

-- The latest check: only gaps and unknowns are kept per rule (a pass is the
-- absence of a row); the class of every checked household.
CREATE TABLE check_finding (
  household_id  BIGINT NOT NULL REFERENCES household(id),
  rule_id       TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('gap','unknown')),
  reason_zh     TEXT NOT NULL,
  reason_en     TEXT NOT NULL,
  missing_field TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (household_id, rule_id)
);

CREATE TABLE household_class (
  household_id    BIGINT PRIMARY KEY REFERENCES household(id),
  computed        TEXT NOT NULL,
  reasons         TEXT NOT NULL DEFAULT '[]',  -- JSON [{"zh":..,"en":..}]
  override_class  TEXT,
  override_reason TEXT,
  override_by     TEXT,
  override_at     TEXT,
  checked_at      TEXT NOT NULL
);

CREATE TABLE gap_task (
  id            {{id_pk}},
  household_id  BIGINT NOT NULL REFERENCES household(id),
  rule_id       TEXT NOT NULL,
  rule_version  INTEGER NOT NULL DEFAULT 1,
  rule_group    TEXT NOT NULL,
  cadre_id      BIGINT REFERENCES cadre(id),
  state         TEXT NOT NULL,
  opened_on     TEXT NOT NULL,
  deadline      TEXT NOT NULL,
  reason_zh     TEXT NOT NULL DEFAULT '',
  reason_en     TEXT NOT NULL DEFAULT '',
  field         TEXT NOT NULL DEFAULT '',
  fix_what      TEXT,
  fix_evidence  TEXT NOT NULL DEFAULT '',
  fix_photo     TEXT NOT NULL DEFAULT '',
  fixed_on      TEXT,
  fixed_by      TEXT NOT NULL DEFAULT '',
  verified_on   TEXT,
  verified_by   TEXT NOT NULL DEFAULT '',
  return_note   TEXT NOT NULL DEFAULT '',
  closed_on     TEXT,
  reopened      INTEGER NOT NULL DEFAULT 0,
  history       TEXT NOT NULL DEFAULT '[]',   -- JSON list of transitions
  version       BIGINT NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
);
CREATE INDEX gap_task_household ON gap_task(household_id, rule_id);
CREATE INDEX gap_task_state ON gap_task(state, deadline);
CREATE INDEX gap_task_cadre ON gap_task(cadre_id, state);
