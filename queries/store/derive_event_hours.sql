-- id: store_derive_event_hours
-- title: Events per hour of a run
-- description: How many of the run's events fall in each UTC hour per account and region, for coverage (internal).
SELECT
  coalesce(recipient_account_id, user_identity_account_id) AS account_id,
  aws_region,
  date_trunc('hour', event_time) AS hour,
  count(*) AS events
FROM run_events
GROUP BY ALL
