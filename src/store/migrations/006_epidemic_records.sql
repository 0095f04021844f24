-- 006: what the epidemic front's write API keeps beyond 005's counting
-- columns: a key person's exposure, temperature and symptoms; a contact's
-- place; an observation's basis, extensions and who released it; a follow-
-- up's temperature in tenths; each call outcome (the call list keeps the
-- latest); a checkpoint's state and a shift's phone; each passage's
-- travellers. Lists (symptoms, extensions, travellers, reports) are JSON
-- text: they are read with their record, never queried inside.

ALTER TABLE key_person ADD COLUMN last_exposure TEXT;
ALTER TABLE key_person ADD COLUMN contact_of BIGINT;
ALTER TABLE key_person ADD COLUMN temperature_tenths INTEGER;
ALTER TABLE key_person ADD COLUMN symptoms TEXT NOT NULL DEFAULT '';
ALTER TABLE key_person ADD COLUMN source_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE key_person ADD COLUMN travel_detail TEXT NOT NULL DEFAULT '';
CREATE INDEX key_person_category ON key_person(category, added_on);
CREATE INDEX key_person_source_ref ON key_person(source_ref);

ALTER TABLE contact ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN note TEXT NOT NULL DEFAULT '';

ALTER TABLE epi_case ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';   -- per step: [{"status","by","note"}]

ALTER TABLE observation ADD COLUMN basis TEXT NOT NULL DEFAULT '';
ALTER TABLE observation ADD COLUMN released_by TEXT NOT NULL DEFAULT '';
ALTER TABLE observation ADD COLUMN extensions TEXT NOT NULL DEFAULT '[]';
CREATE INDEX observation_cadre ON observation(cadre_id);

ALTER TABLE follow_up ADD COLUMN temperature_tenths INTEGER;
ALTER TABLE follow_up ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE call_outcome (
  id           {{id_pk}},
  campaign_id  BIGINT NOT NULL REFERENCES campaign(id),
  household_id BIGINT NOT NULL REFERENCES household(id),
  cadre_id     BIGINT REFERENCES cadre(id),
  at           TEXT NOT NULL,
  result       TEXT NOT NULL,      -- reached | unreachable
  report       TEXT NOT NULL DEFAULT '{}',   -- returnees, symptomatic, needs (JSON)
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL
);
CREATE INDEX call_outcome_campaign ON call_outcome(campaign_id, household_id);

ALTER TABLE checkpoint ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE checkpoint_duty ADD COLUMN phone TEXT NOT NULL DEFAULT '';

ALTER TABLE passage ADD COLUMN destination TEXT NOT NULL DEFAULT '';
ALTER TABLE passage ADD COLUMN travellers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE passage ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
-- The bulletin sums passages per checkpoint and day from this index alone.
CREATE INDEX passage_counts ON passage(checkpoint_id, on_date, persons, fever);
