-- id: store_fill_reject_hashes
-- title: Give rejects their file's SHA-256
-- description: Copies each file's SHA-256 from the run's manifest onto its rejects (internal).
UPDATE run_rejects
SET source_sha256 = s.sha256
FROM run_sources AS s
WHERE run_rejects.source_file = s.source_file AND run_rejects.source_sha256 IS NULL
