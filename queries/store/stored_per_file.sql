-- id: store_stored_per_file
-- title: Events stored per input file
-- description: How many of each file's events this run stored, for the accounting (internal).
SELECT source_file, source_sha256, count(*) AS stored
FROM fresh
GROUP BY source_file, source_sha256
