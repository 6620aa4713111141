-- id: store_fill_reject_hashes
-- title: Give the rejects of unread files the manifest's empty hash
-- description: Gives the rejects of files whose bytes could not be read (no SHA-256 known when they were recorded) the manifest's empty hash (internal).
-- Matched by path and by the empty hash: another input root may hold a copy at the same path that was read, and its
-- hash is not this file's.
UPDATE run_rejects
SET source_sha256 = s.sha256
FROM run_sources AS s
WHERE run_rejects.source_file = s.source_file AND run_rejects.source_sha256 IS NULL AND s.sha256 = ''
