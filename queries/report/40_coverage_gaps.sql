-- id: report_coverage_gaps
-- title: Hours without events per account and region
-- description: Runs of whole UTC hours inside the time window with no event for an account and region that has events.
WITH hours AS (
  SELECT DISTINCT
    coalesce(recipient_account_id, user_identity_account_id) AS account_id,
    aws_region,
    date_trunc('hour', event_time) AS hour
  FROM events
  WHERE aws_region IS NOT NULL AND coalesce(recipient_account_id, user_identity_account_id) IS NOT NULL
),
window_bounds AS (
  SELECT date_trunc('hour', min(event_time)) AS first_hour, date_trunc('hour', max(event_time)) AS last_hour FROM events
),
streams AS (
  SELECT DISTINCT account_id, aws_region FROM hours
),
expected AS (
  SELECT s.account_id, s.aws_region, h.hour
  FROM streams AS s, window_bounds AS w, generate_series(w.first_hour, w.last_hour, INTERVAL 1 HOUR) AS h(hour)
),
missing AS (
  SELECT e.account_id, e.aws_region, e.hour
  FROM expected AS e
  ANTI JOIN hours AS h ON e.account_id = h.account_id AND e.aws_region = h.aws_region AND e.hour = h.hour
),
islands AS (
  SELECT *, hour - (row_number() OVER (PARTITION BY account_id, aws_region ORDER BY hour)) * INTERVAL 1 HOUR AS island
  FROM missing
)
SELECT
  account_id,
  aws_region,
  strftime(min(hour), '%Y-%m-%d %H:%M UTC') AS gap_start,
  strftime(max(hour) + INTERVAL 1 HOUR, '%Y-%m-%d %H:%M UTC') AS gap_end,
  count(*) AS hours
FROM islands
GROUP BY account_id, aws_region, island
ORDER BY account_id, aws_region, min(hour)
