-- 016: household_facts, every checked household's facts (poverty::HouseholdFacts)
-- as one compact row (poverty/facts_codec.h), so that the check of a
-- province-sized register reads one table instead of twelve
-- (store/sqlite/sqlite_facts_snapshot.cc).
--
-- A row is a cache that can never be stale: every insert, update or delete on
-- a table the facts are read from deletes the household's row, by these
-- triggers, in the writer's own transaction, whoever the writer is (this
-- program, an import, the sqlite3 shell). The next load re-reads the
-- households that have no row (or a row of another year or codec version)
-- from the tables and writes their rows back. PostgreSQL would get the same
-- triggers as one plpgsql function.
CREATE TABLE household_facts (
  household_id INTEGER PRIMARY KEY,     -- household(id); no REFERENCES: a cache
  year         INTEGER NOT NULL,        -- the income year the facts were read for
  codec        INTEGER NOT NULL,        -- kFactsCodecVersion of data
  region_code  TEXT NOT NULL,           -- the household's (to skip other regions undecoded)
  data         BLOB NOT NULL
);

CREATE TRIGGER household_facts_household_ins AFTER INSERT ON household BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.id;
END;
CREATE TRIGGER household_facts_household_upd AFTER UPDATE ON household BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER household_facts_household_del AFTER DELETE ON household BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.id;
END;
CREATE TRIGGER household_facts_poverty_household_ins AFTER INSERT ON poverty_household BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_poverty_household_upd AFTER UPDATE ON poverty_household BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_poverty_household_del AFTER DELETE ON poverty_household BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_poverty_condition_ins AFTER INSERT ON poverty_condition BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_poverty_condition_upd AFTER UPDATE ON poverty_condition BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_poverty_condition_del AFTER DELETE ON poverty_condition BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_pairing_ins AFTER INSERT ON pairing BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_pairing_upd AFTER UPDATE ON pairing BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_pairing_del AFTER DELETE ON pairing BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_person_ins AFTER INSERT ON person BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_person_upd AFTER UPDATE ON person BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_person_del AFTER DELETE ON person BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_poverty_member_ins AFTER INSERT ON poverty_member BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_poverty_member_upd AFTER UPDATE ON poverty_member BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_poverty_member_del AFTER DELETE ON poverty_member BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_poverty_cause_ins AFTER INSERT ON poverty_cause BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_poverty_cause_upd AFTER UPDATE ON poverty_cause BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_poverty_cause_del AFTER DELETE ON poverty_cause BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_poverty_income_ins AFTER INSERT ON poverty_income BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_poverty_income_upd AFTER UPDATE ON poverty_income BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_poverty_income_del AFTER DELETE ON poverty_income BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_microcredit_loan_ins AFTER INSERT ON microcredit_loan BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_microcredit_loan_upd AFTER UPDATE ON microcredit_loan BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_microcredit_loan_del AFTER DELETE ON microcredit_loan BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_assistance_measure_ins AFTER INSERT ON assistance_measure BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_assistance_measure_upd AFTER UPDATE ON assistance_measure BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_assistance_measure_del AFTER DELETE ON assistance_measure BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_visit_ins AFTER INSERT ON visit BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_visit_upd AFTER UPDATE ON visit BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_visit_del AFTER DELETE ON visit BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
CREATE TRIGGER household_facts_risk_case_ins AFTER INSERT ON risk_case BEGIN
  DELETE FROM household_facts WHERE household_id = NEW.household_id;
END;
CREATE TRIGGER household_facts_risk_case_upd AFTER UPDATE ON risk_case BEGIN
  DELETE FROM household_facts WHERE household_id IN (OLD.household_id, NEW.household_id);
END;
CREATE TRIGGER household_facts_risk_case_del AFTER DELETE ON risk_case BEGIN
  DELETE FROM household_facts WHERE household_id = OLD.household_id;
END;
