-- id: timeline
-- title: Incident timeline
-- description: Role lifecycle, Lambda grants, function configuration changes, Decrypt outcomes collapsed into runs, policy writes and deletes, and other denied calls of roles (one row per role generation, resource and action), in time order. A run's row cites its first event; a source file whose path another input root also holds a different file at is named under its input root.
-- params: account, role, function, since, until
-- optional: account, role, function, since, until
-- NULL slots are typed: a CTE read twice is materialized, and DuckDB stores an untyped NULL column as INTEGER,
-- which made session_credential_from_console come out as 1 instead of true
WITH role_changes AS (
  SELECT
    event_time, event_time AS end_time,
    coalesce(recipient_account_id, user_identity_account_id) AS account_id, aws_region,
    'role' AS kind, event_name,
    json_extract_string(request_parameters, '$.roleName') AS role_name,
    NULL::VARCHAR AS function_name,
    user_identity_arn AS actor, user_agent, invoked_by, session_credential_from_console,
    1 AS events,
    CASE WHEN event_name = 'CreateRole'
      THEN 'unique ID ' || coalesce(json_extract_string(response_elements, '$.role.roleId'), '?') END AS detail,
    error_code, event_id, source_file, source_record
  FROM focus_events
  WHERE event_source = 'iam.amazonaws.com' AND event_name IN ('CreateRole', 'DeleteRole')
),
grants AS (
  SELECT
    event_time, event_time, account_id, aws_region, 'grant', event_name, grantee_role_name, function_name,
    caller_arn, NULL::VARCHAR, NULL::VARCHAR, NULL::BOOLEAN, 1,
    'grant ' || coalesce(left(grant_id, 12), '?') || ' bound to ' || coalesce(bound_role_id, 'an unseen generation'),
    error_code, event_id, source_file, source_record
  FROM grant_ledger
),
configuration AS (
  SELECT
    f.event_time, f.event_time, f.account_id, f.aws_region, 'function', f.event_name,
    regexp_extract(f.role_arn, 'role/(?:.*/)?([^/]+)$', 1), f.function_name,
    f.caller_arn, e.user_agent, e.invoked_by, e.session_credential_from_console, 1,
    'role ' || coalesce(f.role_arn, '-') || CASE WHEN f.kms_key_arn IS NOT NULL THEN ', key ' || f.kms_key_arn ELSE '' END,
    f.error_code, f.event_id, f.source_file, f.source_record
  FROM function_history AS f
  JOIN focus_events AS e ON e.event_id = f.event_id
),
decrypts AS (
  SELECT
    *,
    coalesce(regexp_extract(function_arn, ':function:([^:]+)', 1), session_name) AS function_name,
    CASE WHEN denied THEN 'denied' WHEN error_code IS NULL THEN 'ok' ELSE 'failed' END AS outcome
  FROM decrypt_outcomes
),
decrypt_changes AS (
  SELECT
    *,
    CASE WHEN lag(outcome || '|' || coalesce(role_id, '')) OVER w = outcome || '|' || coalesce(role_id, '')
      THEN 0 ELSE 1 END AS starts_run
  FROM decrypts
  WINDOW w AS (PARTITION BY account_id, aws_region, principal_arn ORDER BY event_time, event_id)
),
decrypt_runs AS (
  SELECT *, sum(starts_run) OVER (PARTITION BY account_id, aws_region, principal_arn ORDER BY event_time, event_id) AS run
  FROM decrypt_changes
),
decrypt_summary AS (
  SELECT
    min(event_time), max(event_time), account_id, aws_region, 'decrypt',
    CASE WHEN any_value(outcome) = 'ok' THEN 'Decrypt' ELSE 'Decrypt ' || any_value(outcome) END,
    any_value(role_name), any_value(function_name), principal_arn, NULL::VARCHAR, NULL::VARCHAR, NULL::BOOLEAN, count(*),
    count(*) || ' ' || any_value(outcome) || ' under ' || coalesce(any_value(role_id), '?')
      || coalesce(' on ' || any_value(key_arn), ''),
    string_agg(DISTINCT error_code, ',' ORDER BY error_code), arg_min(event_id, (event_time, event_id)),
    arg_min(source_file, (event_time, event_id)), arg_min(source_record, (event_time, event_id))
  FROM decrypt_runs
  GROUP BY account_id, aws_region, principal_arn, run
),
policy_changes AS (
  SELECT
    l.event_time, l.event_time, l.account_id, l.aws_region, 'policy', l.event_name, l.role_name, NULL::VARCHAR,
    l.actor_arn, e.user_agent, e.invoked_by, e.session_credential_from_console, 1,
    l.change_kind || ' ' || l.resource_type || ' ' || coalesce(l.resource_arn, '?')
      || coalesce(' naming ' || l.principal_arn || ' in ' || l.principal_key || ' (bound to '
        || coalesce(l.bound_role_id, 'an unseen generation') || ')', ''),
    NULL::VARCHAR, l.event_id, l.source_file, l.source_record
  FROM policy_ledger AS l
  JOIN focus_events AS e ON e.event_id = l.event_id
  -- role and grant rows already show the role lifecycle and grants that name no role
  WHERE l.principal_arn IS NOT NULL OR l.resource_type NOT IN ('iam-role-trust', 'kms-grant')
),
denials AS (
  SELECT
    min(event_time), max(event_time), role_account_id, aws_region, 'denied', action, role_name, NULL::VARCHAR, principal_arn,
    NULL::VARCHAR, NULL::VARCHAR, NULL::BOOLEAN, count(*),
    count(*) || ' denied under ' || coalesce(role_id, '?') || ' on ' || coalesce(target_key, 'an unknown resource'),
    string_agg(DISTINCT error_code, ',' ORDER BY error_code), arg_min(event_id, (event_time, event_id)),
    arg_min(source_file, (event_time, event_id)), arg_min(source_record, (event_time, event_id))
  FROM policy_access
  WHERE denied AND NOT (event_source = 'kms.amazonaws.com' AND event_name = 'Decrypt')
  GROUP BY role_account_id, aws_region, principal_arn, role_name, role_id, target_key, action
),
story AS (
  SELECT * FROM role_changes
  UNION ALL SELECT * FROM grants
  UNION ALL SELECT * FROM configuration
  UNION ALL SELECT * FROM decrypt_summary
  UNION ALL SELECT * FROM policy_changes
  UNION ALL SELECT * FROM denials
),
roots AS (
  -- the input root of a row's source file when another input root holds a different file at the same path
  SELECT e.event_id, e.source_file, e.source_record, min(c.input_root) AS input_root
  FROM focus_events AS e
  SEMI JOIN story AS s ON s.event_id = e.event_id
  JOIN source_copies_at((
      SELECT list(DISTINCT f.source_file) FROM focus_events AS f SEMI JOIN story AS t ON t.event_id = f.event_id
    )) AS c
    ON c.source_file = e.source_file AND c.sha256 = e.source_sha256 AND c.path_ambiguous
  GROUP BY e.event_id, e.source_file, e.source_record
)
-- such a file is named under its input root as given on the command line (the root itself when it is the file)
SELECT story.* REPLACE (CASE
    WHEN r.input_root IS NULL THEN story.source_file
    WHEN story.source_file NOT LIKE '%/%'
      AND (r.input_root = story.source_file OR r.input_root LIKE '%/' || story.source_file) THEN r.input_root
    ELSE rtrim(r.input_root, '/') || '/' || story.source_file END AS source_file)
FROM story
LEFT JOIN roots AS r
  ON r.event_id = story.event_id AND r.source_file = story.source_file AND r.source_record = story.source_record
WHERE story.account_id = coalesce(CAST($account AS VARCHAR), story.account_id)
  AND (CAST($role AS VARCHAR) IS NULL OR story.role_name = CAST($role AS VARCHAR))
  AND (CAST($function AS VARCHAR) IS NULL OR story.function_name = CAST($function AS VARCHAR)
    OR (story.kind = 'role' AND story.role_name IN (
      SELECT s.role_name FROM story AS s WHERE s.function_name = CAST($function AS VARCHAR))))
  AND story.end_time >= coalesce(CAST($since AS TIMESTAMP), story.end_time)
  AND story.event_time <= coalesce(CAST($until AS TIMESTAMP), story.event_time)
ORDER BY story.event_time, story.kind, story.event_id, story.detail
