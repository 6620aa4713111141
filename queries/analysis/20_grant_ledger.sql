-- id: grant_ledger
-- title: KMS grant ledger
-- description: Every CreateGrant, RetireGrant and RevokeGrant, with the function, grantee role and the role generation each grant is bound to (from a list-grants snapshot that shows the grantee by unique ID, else the generation live when the grant was made).
-- view: true
WITH listed AS (
  -- a grant KMS lists by the grantee's unique ID is bound to that ID: the role it named was deleted since
  SELECT
    grant_id,
    min(grantee_role_id) AS listed_role_id
  FROM snapshots
  WHERE kind = 'kms-list-grants' AND grant_id IS NOT NULL AND grantee_role_id IS NOT NULL
  GROUP BY grant_id
)
SELECT
  g.*,
  coalesce(s.listed_role_id, l.role_id) AS bound_role_id,
  coalesce(b.generation, l.generation) AS bound_generation,
  CASE WHEN s.listed_role_id IS NOT NULL THEN 'kms-list-grants' WHEN l.role_id IS NOT NULL THEN 'lineage' END
    AS bound_known_from
FROM grant_events AS g
LEFT JOIN listed AS s ON s.grant_id = g.grant_id
LEFT JOIN role_lineage AS b
  ON b.account_id = g.account_id AND b.role_name = g.grantee_role_name AND b.role_id = s.listed_role_id
ASOF LEFT JOIN role_lineage AS l
  ON g.account_id = l.account_id AND g.grantee_role_name = l.role_name AND g.event_time >= l.appeared_at
ORDER BY g.event_time, g.event_id
