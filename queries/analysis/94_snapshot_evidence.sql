-- id: snapshot_evidence
-- title: Snapshot items a finding can rely on
-- description: The snapshot items that name a role's unique ID, a function, a grant or a key: the only items the analysis matches, so that thousands of AWS Config files about other resources are not loaded (internal; snapshot_items lists every item).
SELECT *
FROM snapshot_items
WHERE role_id IS NOT NULL OR function_arn IS NOT NULL OR grant_function_arn IS NOT NULL OR grant_id IS NOT NULL
  OR grantee_role_id IS NOT NULL OR key_arn IS NOT NULL
ORDER BY source_file, source_sha256, item_index
