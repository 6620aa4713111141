-- id: coverage
-- title: Coverage
-- description: Files, records and their accounting, the time window, accounts and regions the store covers.
SELECT
  (SELECT count(*) FROM sources) AS files,
  (SELECT coalesce(sum(records_read), 0) FROM sources) AS records,
  (SELECT count(*) FROM events) AS events,
  (SELECT coalesce(sum(duplicates), 0) FROM sources) AS duplicates,
  (SELECT coalesce(sum(rejected), 0) FROM sources) AS rejected,
  (SELECT count(*) FROM sources WHERE status = 'skipped') AS skipped_files,
  (SELECT min(event_time) FROM events) AS first_event_time,
  (SELECT max(event_time) FROM events) AS last_event_time,
  (SELECT coalesce(string_agg(DISTINCT a, ',' ORDER BY a), '') FROM (
    SELECT coalesce(recipient_account_id, user_identity_account_id) AS a FROM events) WHERE a IS NOT NULL) AS accounts,
  (SELECT coalesce(string_agg(DISTINCT aws_region, ',' ORDER BY aws_region), '') FROM events
    WHERE aws_region IS NOT NULL) AS regions
