-- Uploads in chunks (issue 8): a file sent in slices of at most 4 MiB
-- (PUT /api/v1/imports/uploads/{id}?offset=N), so no request holds the
-- whole file and a weak connection can resume where it stopped. While the
-- slices arrive the record's state is 'uploading' and received_bytes says how
-- much of size_bytes is on disk (<db>-uploads/<id>.part); updated_at is the
-- last slice's time, so an upload abandoned for a day is failed and its
-- file removed.
ALTER TABLE import_upload ADD COLUMN received_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_upload ADD COLUMN updated_at TEXT;
