-- id: store_update_stored_per_file
-- title: Stored and duplicate records of each file after deduplication
-- description: Sets each file's stored records to what deduplication kept ({{stored_per_file}}: store_stored_per_file, given as text to DuckDB's query() function) and counts the rest it handed on as duplicates (internal).
-- A file's manifest row is written as the file is read, with every record it handed on counted as stored; only a run
-- that dropped records runs this. The key is the file's relative path and content hash, as in the staged events.
UPDATE run_sources
SET stored = s.stored, duplicates = run_sources.stored + run_sources.duplicates - s.stored
FROM query({{stored_per_file}}) AS s
WHERE run_sources.source_file = s.source_file AND run_sources.sha256 = s.source_sha256
