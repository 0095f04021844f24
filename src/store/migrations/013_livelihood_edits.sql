-- Livelihood edits (issue 6 follow-up): the records that were created but
-- could not be changed get a version (optimistic concurrency, like the
-- registry: a stale write is 409) and an `active` flag (soft delete:
-- deactivated records stay for the history and the audit trail but take no
-- new work). A technician's assignment ends (to_date) when they are
-- reassigned, so where they worked stays on record.
ALTER TABLE depot ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE depot ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE cooperative ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cooperative ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE technician ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE technician ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE technician_assignment ADD COLUMN to_date TEXT;
ALTER TABLE employer ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE welfare_post ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
