-- id: store_stage_new_events
-- title: New events of an ingest run
-- description: Keeps the first copy of each event_id in this run that the store does not hold yet (internal).
CREATE TABLE fresh AS
SELECT s.*
FROM staged AS s
ANTI JOIN stored_ids AS k ON s.event_id = k.event_id
QUALIFY row_number() OVER (
  PARTITION BY s.event_id ORDER BY s.source_file, s.source_sha256, s.source_record
) = 1
