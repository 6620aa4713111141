-- id: role_lineage
-- title: Role lineage
-- description: Every generation (unique ID) of every IAM role: when it appeared, how we know, who created and deleted it.
-- view: true
WITH created AS (
  SELECT
    coalesce(recipient_account_id, user_identity_account_id) AS account_id,
    json_extract_string(response_elements, '$.role.roleName') AS role_name,
    json_extract_string(response_elements, '$.role.roleId') AS role_id,
    arg_min(json_extract_string(response_elements, '$.role.arn'), event_time) AS role_arn,
    min(event_time) AS created_at,
    arg_min(event_id, event_time) AS created_event_id
  FROM focus_events
  WHERE event_source = 'iam.amazonaws.com' AND event_name = 'CreateRole' AND error_code IS NULL
    AND json_extract_string(response_elements, '$.role.roleId') IS NOT NULL
  GROUP BY ALL
),
sighted AS (
  SELECT
    account_id,
    role_name,
    role_id,
    arg_min(role_arn, first_seen_at) AS role_arn,
    min(first_seen_at) AS first_seen_at,
    max(last_seen_at) AS last_seen_at,
    arg_min(first_seen_event_id, first_seen_at) AS first_seen_event_id,
    sum(events_seen) AS events_seen
  FROM role_sightings
  GROUP BY ALL
),
generations AS (
  SELECT
    coalesce(c.account_id, s.account_id) AS account_id,
    coalesce(c.role_name, s.role_name) AS role_name,
    coalesce(c.role_id, s.role_id) AS role_id,
    coalesce(c.role_arn, s.role_arn) AS role_arn,
    CASE WHEN c.role_id IS NOT NULL THEN 'CreateRole' ELSE 'activity' END AS known_from,
    least(coalesce(c.created_at, s.first_seen_at), coalesce(s.first_seen_at, c.created_at)) AS appeared_at,
    c.created_at,
    c.created_event_id,
    s.first_seen_at,
    s.last_seen_at,
    s.first_seen_event_id,
    coalesce(s.events_seen, 0) AS events_seen
  FROM created AS c
  FULL OUTER JOIN sighted AS s
    ON c.account_id = s.account_id AND c.role_name = s.role_name AND c.role_id = s.role_id
),
ordered AS (
  SELECT
    *,
    row_number() OVER w AS generation,
    lead(appeared_at) OVER w AS replaced_at,
    lead(role_id) OVER w AS replaced_by_role_id
  FROM generations
  WINDOW w AS (PARTITION BY account_id, role_name ORDER BY appeared_at, role_id)
),
deletions AS (
  SELECT
    coalesce(recipient_account_id, user_identity_account_id) AS account_id,
    json_extract_string(request_parameters, '$.roleName') AS role_name,
    event_time,
    event_id
  FROM focus_events
  WHERE event_source = 'iam.amazonaws.com' AND event_name = 'DeleteRole' AND error_code IS NULL
)
SELECT
  o.account_id,
  o.role_name,
  o.generation,
  o.role_id,
  o.role_arn,
  o.known_from,
  o.appeared_at,
  o.created_at,
  o.created_event_id,
  o.first_seen_at,
  o.last_seen_at,
  o.first_seen_event_id,
  o.events_seen,
  min(d.event_time) AS deleted_at,
  arg_min(d.event_id, d.event_time) AS deleted_event_id,
  o.replaced_at,
  o.replaced_by_role_id
FROM ordered AS o
LEFT JOIN deletions AS d
  ON d.account_id = o.account_id AND d.role_name = o.role_name
  AND d.event_time >= o.appeared_at AND (o.replaced_at IS NULL OR d.event_time <= o.replaced_at)
GROUP BY ALL
ORDER BY o.account_id, o.role_name, o.generation
