-- 008: covering indexes for the daily bulletin's loader (issue 5: < 50 ms at
-- full scale). The registered poor members are read by household without
-- touching the person table (37,000 row look-ups in a 1,000,000-row table
-- were the loader's largest cost).

CREATE INDEX person_household_cover ON person(household_id, deleted_at, region_code);
