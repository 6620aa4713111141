-- id: store_evidence_digest_files
-- title: Digest files the store has seen
-- description: Every CloudTrail digest file an ingest recognised and skipped, with its input root, for the evidence pack (internal).
SELECT DISTINCT input_root, source_file, sha256
FROM sources
WHERE shape = 'cloudtrail-digest'
ORDER BY source_file, input_root
