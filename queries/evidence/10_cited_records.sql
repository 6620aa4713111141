-- id: store_evidence_cited_records
-- title: Where the cited records stand
-- description: For each cited event ID (table cited_ids), the stored version's source file, the input root it was read under, whether that path is ambiguous (another input root holds a file read at it), the file's SHA-256 and the record's byte position in the decompressed file, for the report, the findings JSON and the evidence pack (internal).
SELECT e.event_id, s.input_root, e.source_file, e.source_sha256, s.path_ambiguous, e.source_shape, e.source_offset,
  e.source_length
FROM focus_events AS e
SEMI JOIN cited_ids AS c ON e.event_id = c.event_id
JOIN source_copies_at((
    SELECT list(DISTINCT f.source_file) FROM focus_events AS f SEMI JOIN cited_ids AS i ON f.event_id = i.event_id
  )) AS s ON s.source_file = e.source_file AND s.sha256 = e.source_sha256
ORDER BY e.event_id, s.input_root
