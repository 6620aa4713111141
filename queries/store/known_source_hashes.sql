-- id: store_known_source_hashes
-- title: Files already ingested
-- description: The SHA-256 of every file the store has read, so a re-run skips them (internal). A file rejected for the decompression limit (reason decompression-limit, raised with --max-decompressed-bytes) is not counted as read until a run reads it within its limit. In ascending order: the ingest holds them as a sorted array (store/KnownContents).
SELECT DISTINCT s.sha256
FROM sources s
WHERE s.sha256 <> ''
  AND NOT EXISTS (
    SELECT 1 FROM rejects r
    WHERE r.run_id = s.run_id AND r.source_sha256 = s.sha256 AND r.reason_code = 'decompression-limit')
ORDER BY s.sha256
