-- id: policy_access
-- title: Role access to policy-governed resources
-- description: Every denied call by a role (one row each, from any service) and the successful uses of resources a policy governs (first and last per role generation and resource), with the resource in the form the policy ledger matches (policy_access_of for all roles).
-- view: true
SELECT * FROM policy_access_of(false)
