-- id: report_source_files
-- title: Input files with their hashes
-- description: Every input file read into the store with its SHA-256, status and counts, for the evidence and reproduce sections.
SELECT input_root, source_file, sha256, status, shape, records_read, stored, duplicates, rejected
FROM sources
ORDER BY input_root, source_file, sha256, run_id
