-- id: report_source_files
-- title: Input files with their hashes
-- description: Every input file read into the store with its SHA-256 and status, for the evidence and reproduce sections.
SELECT input_root, source_file, sha256, status
FROM sources
ORDER BY input_root, source_file, sha256, run_id
