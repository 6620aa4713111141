-- id: store_run_file_copies
-- title: The files the run read, by input root, path and content hash
-- description: Every file of the run whose bytes were read, with its input root, relative path and SHA-256, in order (internal).
SELECT input_root, source_file, sha256
FROM run_sources
WHERE sha256 <> ''
ORDER BY input_root, source_file
