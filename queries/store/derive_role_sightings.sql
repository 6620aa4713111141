-- id: store_derive_role_sightings
-- title: Role sightings of a run
-- description: Every role unique ID seen acting in the run's events, with first and last time (internal).
SELECT
  coalesce(session_issuer_account_id, user_identity_account_id, recipient_account_id) AS account_id,
  session_issuer_user_name AS role_name,
  session_issuer_principal_id AS role_id,
  arg_min(session_issuer_arn, event_time) AS role_arn,
  min(event_time) AS first_seen_at,
  max(event_time) AS last_seen_at,
  arg_min(event_id, event_time) AS first_seen_event_id,
  count(*) AS events_seen
FROM run_events
WHERE session_issuer_type = 'Role' AND session_issuer_principal_id IS NOT NULL
  AND session_issuer_user_name IS NOT NULL
GROUP BY ALL
