-- id: report_coverage_gaps
-- title: Hours without events per account and region
-- description: Runs of whole UTC hours inside the time window with no event for an account and region that has events.
WITH hours AS (
  SELECT DISTINCT account_id, aws_region, hour
  FROM event_hours
  WHERE aws_region IS NOT NULL AND account_id IS NOT NULL
),
window_bounds AS (
  SELECT min(hour) AS first_hour, max(hour) AS last_hour FROM event_hours
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
