-- id: store_find_conflict_candidates
-- title: Copies of repeated events whose stored columns differ
-- description: Every copy of each repeated event whose copies are not byte-identical in their stored columns; the canonical comparison (keys sorted) decides whether they conflict (internal).
-- Identical stored columns mean identical content, so only the rest needs the slower canonical form. Only hashes
-- are grouped: comparing the copies' columns as structs in a self-join ran out of memory at 1M repeated events.
WITH hashed AS (
  SELECT event_id, source_file, source_record, source_sha256, kept, earlier_run, content, sha256(content) AS content_hash
  FROM event_copies
),
differing AS (
  SELECT event_id FROM hashed GROUP BY event_id HAVING count(DISTINCT content_hash) > 1
)
SELECT h.event_id, h.source_file, h.source_record, h.source_sha256, h.kept, h.earlier_run, h.content
FROM hashed AS h
SEMI JOIN differing AS d ON h.event_id = d.event_id
ORDER BY h.event_id, h.source_file, h.source_sha256, h.source_record
