-- id: coverage
-- title: Coverage
-- description: Files, records and their accounting, log files left out by an ingest's scope, the time window, accounts and regions the store covers.
SELECT
  (SELECT count(*) FROM sources WHERE status <> 'out-of-scope') AS files,
  (SELECT coalesce(sum(records_read), 0) FROM sources) AS records,
  (SELECT coalesce(sum(stored), 0) FROM sources) AS events,
  (SELECT coalesce(sum(duplicates), 0) FROM sources) AS duplicates,
  (SELECT coalesce(sum(rejected), 0) FROM sources) AS rejected,
  (SELECT count(*) FROM sources WHERE status = 'skipped') AS skipped_files,
  (SELECT count(*) FROM sources WHERE status = 'snapshot') AS snapshot_files,
  -- log files an ingest's --account/--region/--since/--until left out, and no run has read since
  (SELECT count(DISTINCT o.source_file) FROM sources AS o WHERE o.status = 'out-of-scope' AND NOT EXISTS (
    SELECT 1 FROM sources AS r WHERE r.source_file = o.source_file AND r.status <> 'out-of-scope')) AS out_of_scope_files,
  (SELECT min(first_event_time) FROM sources WHERE stored > 0) AS first_event_time,
  (SELECT max(last_event_time) FROM sources WHERE stored > 0) AS last_event_time,
  (SELECT coalesce(string_agg(DISTINCT account_id, ',' ORDER BY account_id), '') FROM event_hours
    WHERE account_id IS NOT NULL) AS accounts,
  (SELECT coalesce(string_agg(DISTINCT aws_region, ',' ORDER BY aws_region), '') FROM event_hours
    WHERE aws_region IS NOT NULL) AS regions
