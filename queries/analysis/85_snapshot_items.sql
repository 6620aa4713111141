-- id: snapshot_items
-- title: Snapshot items
-- description: Every item of the snapshot files read (kms list-grants, iam get-role/list-roles, lambda configuration, kms describe-key, AWS Config), with the typed fields the analysis joins on.
-- view: true
SELECT
  kind,
  item_type,
  source_file,
  source_sha256,
  item_index,
  account_id,
  region,
  captured_at,
  role_name,
  role_id,
  role_arn,
  role_created_at,
  role_deleted,
  function_name,
  function_arn,
  function_role_arn,
  function_key_arn,
  key_arn,
  key_manager,
  grant_id,
  grantee_principal,
  grantee_role_id,
  grantee_session,
  grant_function_arn,
  grant_created_at
FROM snapshots
ORDER BY source_file, source_sha256, item_index
