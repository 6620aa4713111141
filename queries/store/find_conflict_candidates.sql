-- id: store_find_conflict_candidates
-- title: Copies of repeated events whose stored columns differ
-- description: Every copy of each repeated event whose copies are not equal in their stored columns, with those columns as JSON; the canonical comparison (keys sorted) decides whether they conflict (internal).
-- Equal stored columns mean equal content, so only the rest needs the slower canonical form. Each copy is compared
-- with the kept one as a struct: exact, and no text is built or hashed for the copies that are equal (with a SHA-256
-- of every copy's columns as JSON, 1M repeated events cost 45 CPU-seconds).
WITH differing AS (
  SELECT DISTINCT c.event_id
  FROM event_copies AS c
  JOIN event_copies AS k ON c.event_id = k.event_id AND k.kept AND NOT c.kept
  WHERE c.content IS DISTINCT FROM k.content
)
SELECT c.event_id, c.source_file, c.source_record, c.source_sha256, c.kept, c.earlier_run, to_json(c.content) AS content
FROM event_copies AS c
SEMI JOIN differing AS d ON c.event_id = d.event_id
ORDER BY c.event_id, c.source_file, c.source_sha256, c.source_record
