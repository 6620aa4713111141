-- id: store_known_source_hashes
-- title: Files already ingested
-- description: The SHA-256 of every file the store has read, so a re-run skips them (internal).
SELECT DISTINCT sha256 FROM sources WHERE sha256 <> ''
