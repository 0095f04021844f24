-- 019: drop person_region (person(region_code), migration 001).
-- person_region_live (the same column, live persons only; migration 014)
-- answers every query of persons by region: each one also asks for
-- deleted_at IS NULL (list_persons, the bulletin's counts, the job and
-- enterprise matching), and EXPLAIN QUERY PLAN of each chose the live index
-- already. The full index only cost a B-tree insert per person written and
-- its pages (20 MiB and ~1/4 of the index builds of a 1 M-row import).
DROP INDEX IF EXISTS person_region;
