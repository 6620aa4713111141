-- id: policy_drift
-- title: Policy drift
-- description: Policies that name a role saved while it had one unique ID, after which the role was re-created with a new ID: broken (the new generation was denied on the resource), at-risk (not used since) or fixed (the policy was re-applied after the re-creation), with the policy that decides and the confidence that follows from it. role_recreated_at is the new generation's first appearance; role_created_at its creation, when CreateRole or a CreateDate (recreated_shown_by) shows it.
-- view: true
WITH entries AS (
  SELECT
    account_id, aws_region, event_time, event_id, event_name, resource_type, resource_name, entry_detail, match_key, entry_key,
    resource_arn, policy_text, delegates_to_account, role_account_id, role_name, bound_role_id, bound_generation,
    ended_at, ended_by_event_id, ended_by_event_name, ended_by_change, source_file, source_record,
    string_agg(DISTINCT principal_key, ',' ORDER BY principal_key) AS principal_keys,
    arg_min(principal_arn, principal_arn) AS principal_arn
  FROM policy_ledger
  WHERE change_kind = 'write' AND role_name IS NOT NULL
  GROUP BY ALL
),
-- The next generation of the role after the one the policy was bound to; when the bound one is not in the logs, the
-- first generation created after the write (by CreateRole, or a snapshot's creation date): the write could not have
-- named a role that did not exist.
recreated AS (
  SELECT
    e.*,
    r.role_id AS new_role_id,
    r.appeared_at AS recreated_at,
    r.created_at AS recreated_created_at,
    CASE WHEN r.created_event_id IS NOT NULL THEN 'CreateRole' WHEN r.created_at IS NOT NULL THEN r.known_from END
      AS recreated_shown_by,
    r.created_event_id AS recreated_event_id,
    r.role_arn
  FROM entries AS e
  JOIN role_lineage AS r
    ON r.account_id = e.role_account_id AND r.role_name = e.role_name AND r.appeared_at > e.event_time
    AND ((e.bound_generation IS NOT NULL AND r.generation > e.bound_generation)
      OR (e.bound_generation IS NULL AND r.created_at > e.event_time))
  QUALIFY row_number() OVER (PARTITION BY e.event_id, e.role_account_id, e.role_name ORDER BY r.generation) = 1
),
writes AS (
  SELECT DISTINCT entry_key, event_time, event_id, event_name FROM policy_ledger WHERE change_kind = 'write'
),
-- The first write of the same entry after the re-creation re-applies it (a Lambda permission is removed and added
-- again; a grant is made again for the role): that fixes it.
repaired AS (
  SELECT c.*, w.event_time AS fixed_at, w.event_id AS fixed_by_event_id, w.event_name AS fixed_by_event_name
  FROM recreated AS c
  LEFT JOIN writes AS w
    ON w.entry_key = c.entry_key AND w.event_time > c.recreated_at AND w.event_time >= c.ended_at
  QUALIFY row_number() OVER (PARTITION BY c.event_id, c.role_account_id, c.role_name
    ORDER BY w.event_time, w.event_id) = 1
),
drifted AS (
  SELECT
    c.*,
    old.deleted_at AS old_role_deleted_at,
    old.deleted_event_id AS old_role_deleted_event_id,
    old.deletion_known_from AS old_role_deletion_known_from,
    CASE WHEN old.last_seen_at > old.appeared_at THEN old.last_seen_at ELSE old.appeared_at END
      AS old_role_last_appearance
  FROM repaired AS c
  LEFT JOIN role_lineage AS old
    ON old.account_id = c.role_account_id AND old.role_name = c.role_name AND old.role_id = c.bound_role_id
  -- a policy rewritten or deleted before the re-creation no longer names the old ID; one deleted after it and not
  -- written again is gone
  WHERE c.ended_at IS NULL OR (c.ended_at > c.recreated_at AND (c.ended_by_change = 'write' OR c.fixed_at IS NOT NULL))
),
matched AS (
  SELECT
    d.event_id AS policy_event_id, d.role_account_id, d.role_name,
    a.denied, a.calls, a.event_time AS attempt_at, a.last_time, a.event_id AS attempt_event_id, a.action
  FROM drifted AS d
  JOIN policy_access_of(true) AS a
    ON a.target_key = d.match_key AND a.role_account_id = d.role_account_id AND a.role_name = d.role_name
    AND a.last_time >= d.recreated_at AND (d.fixed_at IS NULL OR a.event_time < d.fixed_at)
    AND (d.bound_role_id IS NULL OR a.role_id IS DISTINCT FROM d.bound_role_id)
),
outcomes AS (
  SELECT
    policy_event_id, role_account_id, role_name,
    coalesce(sum(calls) FILTER (WHERE denied), 0) AS denied_calls,
    min(attempt_at) FILTER (WHERE denied) AS first_denied_at,
    max(attempt_at) FILTER (WHERE denied) AS last_denied_at,
    arg_min(attempt_event_id, attempt_at) FILTER (WHERE denied) AS first_denied_event_id,
    arg_max(attempt_event_id, attempt_at) FILTER (WHERE denied) AS last_denied_event_id,
    string_agg(DISTINCT action, ',' ORDER BY action) FILTER (WHERE denied) AS denied_actions,
    coalesce(sum(calls) FILTER (WHERE NOT denied), 0) AS successful_uses
  FROM matched
  GROUP BY ALL
),
judged AS (
  SELECT
    d.*,
    coalesce(o.denied_calls, 0) AS denied_calls,
    o.first_denied_at, o.last_denied_at, o.first_denied_event_id, o.last_denied_event_id,
    coalesce(o.denied_actions, '') AS denied_actions,
    coalesce(o.successful_uses, 0) AS successful_uses,
    CASE
      WHEN d.fixed_at IS NOT NULL THEN 'fixed'
      WHEN coalesce(o.denied_calls, 0) > 0 THEN 'broken'
      WHEN coalesce(o.successful_uses, 0) = 0 THEN 'at-risk'
    END AS status,
    CASE
      WHEN d.resource_type = 'iam-role-trust' THEN 'confirmed'
      WHEN d.resource_type = 'kms-key' AND d.delegates_to_account THEN 'possible'
      WHEN d.resource_type = 'kms-key' THEN 'confirmed'
      WHEN d.resource_type = 'kms-grant' THEN 'probable'
      WHEN d.role_account_id <> d.account_id THEN 'confirmed'
      ELSE 'possible'
    END AS confidence,
    CASE
      WHEN d.resource_type = 'iam-role-trust' THEN 'the trust policy always decides sts:AssumeRole'
      WHEN d.resource_type = 'kms-key' AND d.delegates_to_account
        THEN 'the key policy delegates to the account, so an IAM policy may grant the key use instead'
      WHEN d.resource_type = 'kms-key' THEN 'the key policy decides: it does not delegate to the account'
      WHEN d.resource_type = 'kms-grant' THEN 'the grant gave the access; the key policy may also allow it'
      WHEN d.role_account_id <> d.account_id THEN 'the call is cross-account, so the resource policy decides'
      ELSE 'same-account call: an identity policy may allow it without the resource policy'
    END AS decided_by
  FROM drifted AS d
  LEFT JOIN outcomes AS o
    ON o.policy_event_id = d.event_id AND o.role_account_id = d.role_account_id AND o.role_name = d.role_name
),
findings AS (
  SELECT * FROM judged WHERE status IS NOT NULL
),
cited AS (
  SELECT f.event_id AS policy_event_id, f.role_account_id, f.role_name, unnest(list_filter([f.event_id,
    f.old_role_deleted_event_id, f.recreated_event_id, f.first_denied_event_id, f.last_denied_event_id,
    f.fixed_by_event_id], x -> x IS NOT NULL)) AS cited_event_id
  FROM findings AS f
),
evidence AS (
  SELECT
    c.policy_event_id, c.role_account_id, c.role_name,
    to_json(list(DISTINCT struct_pack(event_time := strftime(e.event_time, '%Y-%m-%dT%H:%M:%SZ'), event_id := e.event_id,
      event_name := e.event_name, source_file := e.source_file, source_record := e.source_record)
      ORDER BY struct_pack(event_time := strftime(e.event_time, '%Y-%m-%dT%H:%M:%SZ'), event_id := e.event_id,
        event_name := e.event_name, source_file := e.source_file, source_record := e.source_record)))::VARCHAR
      AS evidence_json
  FROM cited AS c
  JOIN focus_events AS e ON e.event_id = c.cited_event_id
  GROUP BY ALL
)
SELECT
  f.account_id, f.aws_region, f.resource_arn, f.resource_type, f.resource_name, f.entry_detail, f.match_key,
  f.role_account_id, f.role_name, coalesce(f.role_arn, f.principal_arn) AS role_arn,
  f.bound_role_id AS old_role_id, f.new_role_id, f.principal_keys,
  f.event_id AS policy_event_id, f.event_name AS policy_event_name, f.event_time AS policy_set_at, f.policy_text,
  f.old_role_deleted_at, f.old_role_deletion_known_from, f.old_role_last_appearance,
  f.recreated_at AS role_recreated_at, f.recreated_created_at AS role_created_at, f.recreated_shown_by,
  f.recreated_event_id,
  r.user_identity_arn AS recreated_by_arn, r.user_agent AS recreated_by_user_agent,
  r.invoked_by AS recreated_by_invoked_by, r.source_ip_address AS recreated_by_source_ip_address,
  r.session_credential_from_console AS recreated_by_console,
  f.denied_calls, f.first_denied_at, f.last_denied_at, f.denied_actions, f.successful_uses,
  f.status, f.fixed_at, f.fixed_by_event_id, f.fixed_by_event_name,
  f.confidence, f.decided_by,
  coalesce(v.evidence_json, '[]') AS evidence_json
FROM findings AS f
LEFT JOIN focus_events AS r ON r.event_id = f.recreated_event_id
LEFT JOIN evidence AS v
  ON v.policy_event_id = f.event_id AND v.role_account_id = f.role_account_id AND v.role_name = f.role_name
ORDER BY f.account_id, f.resource_type, f.resource_arn, f.role_account_id, f.role_name, f.event_time, f.event_id
