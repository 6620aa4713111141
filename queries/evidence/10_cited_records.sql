-- id: store_evidence_cited_records
-- title: Where the cited records stand
-- description: For each cited event ID (table cited_ids), the stored version's source file, input root, file SHA-256 and byte position in the decompressed file, for the evidence pack (internal).
SELECT e.event_id, s.input_root, e.source_file, e.source_sha256, e.source_shape, e.source_offset, e.source_length
FROM focus_events AS e
SEMI JOIN cited_ids AS c ON e.event_id = c.event_id
JOIN (SELECT DISTINCT input_root, source_file, sha256 FROM sources) AS s
  ON s.source_file = e.source_file AND s.sha256 = e.source_sha256
ORDER BY e.event_id, s.input_root
