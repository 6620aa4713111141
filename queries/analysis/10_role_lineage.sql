-- id: role_lineage
-- title: Role lineage
-- description: Every generation (unique ID) of every IAM role: when it appeared, every source that knows it (CloudTrail CreateRole, the role's own activity, iam get-role/list-roles output, AWS Config, a kms list-grants grantee shown by unique ID), who created and deleted it.
-- view: true
-- materialize: true
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
-- a grant KMS lists by unique ID names no role; its role is the CloudTrail grant's grantee, another listing of the
-- same grant by session ARN, or the role of the function the grant is for
listed_grants AS (
  SELECT
    s.account_id,
    coalesce(
      (SELECT min(g.grantee_role_name) FROM grant_events AS g WHERE g.grant_id = s.grant_id),
      (SELECT min(o.role_name) FROM snapshots AS o WHERE o.kind = 'kms-list-grants' AND o.grant_id = s.grant_id),
      (SELECT min(regexp_extract(f.function_role_arn, ':role/(?:.*/)?([^/]+)$', 1)) FROM snapshots AS f
        WHERE f.function_arn = s.grant_function_arn AND f.function_role_arn IS NOT NULL)) AS role_name,
    s.grantee_role_id AS role_id,
    s.grant_created_at,
    s.source_file,
    s.item_index
  FROM snapshots AS s
  WHERE s.kind = 'kms-list-grants' AND s.grantee_role_id IS NOT NULL
),
known AS (
  SELECT account_id, role_name, role_id, role_arn, created_at AS seen_at, 'CreateRole' AS source,
    created_at, created_event_id, NULL::TIMESTAMP AS snapshot_deleted_at
  FROM created
  UNION ALL
  SELECT account_id, role_name, role_id, role_arn, first_seen_at, 'activity', NULL, NULL, NULL
  FROM sighted
  UNION ALL
  SELECT account_id, role_name, role_id, role_arn, role_created_at, kind, role_created_at, NULL, NULL
  FROM snapshots
  WHERE kind = 'iam-role' AND role_id IS NOT NULL AND role_name IS NOT NULL
  UNION ALL
  SELECT account_id, role_name, role_id, min(role_arn), coalesce(min(role_created_at), min(captured_at)), kind,
    min(role_created_at), NULL, min(captured_at) FILTER (WHERE role_deleted)
  FROM snapshots
  WHERE kind = 'aws-config' AND item_type = 'AWS::IAM::Role' AND role_id IS NOT NULL AND role_name IS NOT NULL
  GROUP BY account_id, role_name, role_id, kind
  UNION ALL
  SELECT account_id, role_name, role_id, NULL, min(grant_created_at), 'kms-list-grants', NULL, NULL, NULL
  FROM listed_grants
  WHERE role_name IS NOT NULL
  GROUP BY account_id, role_name, role_id
),
generations AS (
  SELECT
    k.account_id,
    k.role_name,
    k.role_id,
    coalesce(arg_min(k.role_arn, k.seen_at) FILTER (WHERE k.role_arn IS NOT NULL),
      min(k.role_arn)) AS role_arn,
    CASE
      WHEN bool_or(k.source = 'CreateRole') THEN 'CreateRole'
      WHEN bool_or(k.source = 'iam-role') THEN 'iam-role'
      WHEN bool_or(k.source = 'aws-config') THEN 'aws-config'
      WHEN bool_or(k.source = 'activity') THEN 'activity'
      ELSE 'kms-list-grants'
    END AS known_from,
    string_agg(DISTINCT k.source, ',' ORDER BY k.source) AS evidence_sources,
    min(k.seen_at) AS appeared_at,
    min(k.created_at) AS created_at,
    min(k.created_event_id) AS created_event_id,
    min(s.first_seen_at) AS first_seen_at,
    max(s.last_seen_at) AS last_seen_at,
    min(s.first_seen_event_id) AS first_seen_event_id,
    coalesce(max(s.events_seen), 0) AS events_seen,
    min(k.snapshot_deleted_at) AS snapshot_deleted_at,
    bool_or(k.source = 'kms-list-grants') AS listed_as_deleted
  FROM known AS k
  LEFT JOIN sighted AS s ON s.account_id = k.account_id AND s.role_name = k.role_name AND s.role_id = k.role_id
  WHERE k.seen_at IS NOT NULL AND k.account_id IS NOT NULL
  GROUP BY k.account_id, k.role_name, k.role_id
),
ordered AS (
  SELECT
    * REPLACE (coalesce(role_arn, max(role_arn) OVER (PARTITION BY account_id, role_name)) AS role_arn),
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
  o.evidence_sources,
  o.appeared_at,
  o.created_at,
  o.created_event_id,
  o.first_seen_at,
  o.last_seen_at,
  o.first_seen_event_id,
  o.events_seen,
  coalesce(min(d.event_time), any_value(o.snapshot_deleted_at)) AS deleted_at,
  arg_min(d.event_id, d.event_time) AS deleted_event_id,
  CASE
    WHEN min(d.event_time) IS NOT NULL THEN 'DeleteRole'
    WHEN any_value(o.snapshot_deleted_at) IS NOT NULL THEN 'aws-config'
    WHEN any_value(o.listed_as_deleted) THEN 'kms-list-grants'
  END AS deletion_known_from,
  o.replaced_at,
  o.replaced_by_role_id
FROM ordered AS o
LEFT JOIN deletions AS d
  ON d.account_id = o.account_id AND d.role_name = o.role_name
  AND d.event_time >= o.appeared_at AND (o.replaced_at IS NULL OR d.event_time <= o.replaced_at)
GROUP BY ALL
ORDER BY o.account_id, o.role_name, o.generation
