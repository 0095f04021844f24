-- 014: indexes for the bulletin's figures per child region and its loader
-- (issues 5 and 7). Persons are counted per region from an index of the live
-- ones alone (the count of a township no longer reads 40,000 rows of the
-- person table to test deleted_at), and the day's follow-ups are read from an
-- index that holds every column the bulletin needs.

CREATE INDEX person_region_live ON person(region_code) WHERE deleted_at IS NULL;
CREATE INDEX follow_up_day_cover ON follow_up(on_date, observation_id, done_at);
