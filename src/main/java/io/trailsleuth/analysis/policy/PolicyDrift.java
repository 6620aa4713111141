package io.trailsleuth.analysis.policy;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.analysis.Actor;
import io.trailsleuth.analysis.Evidence;
import io.trailsleuth.analysis.RoleChangeTime;
import java.time.Instant;
import java.util.List;

/**
 * One policy that names a role by ARN, saved while the role had one unique ID, after which the role was re-created.
 *
 * @param accountId account that owns the resource (the account of the policy write)
 * @param region region of the policy write
 * @param resourceArn the resource whose policy drifted
 * @param resourceType s3-bucket, kms-key, iam-role-trust, sqs-queue, sns-topic, secret, ecr-repository,
 *     lambda-permission or kms-grant
 * @param resourceName the name the fix command needs (bucket, key ARN, role, queue URL, topic ARN, secret, repository,
 *     function)
 * @param entryDetail the statement ID of a Lambda permission or the grant ID of a grant, else null
 * @param matchKey the resource as the policy_access view names it, to find the calls on it
 * @param roleArn the role the policy names
 * @param roleName its name
 * @param oldRoleId the unique ID the policy was bound to, null when unknown
 * @param newRoleId the re-created role's unique ID
 * @param principalKeys Principal, NotPrincipal or both
 * @param policyEventId the write that saved the policy
 * @param policyEventName its API name
 * @param policySetAt when it was saved
 * @param policyText the policy as recovered from the log
 * @param roleDeleted when the old generation was deleted (exact or bounded), null when unknown
 * @param roleRecreated when the new generation was created: exact from CreateRole or a CreateDate, else bounded
 * @param roleRecreatedBy who re-created it
 * @param deniedCalls denied calls of the new generation on the resource before any fix
 * @param firstDeniedAt first of them, or null
 * @param lastDeniedAt last of them, or null
 * @param deniedActions the denied actions, such as s3:PutObject, sorted
 * @param status broken, at-risk or fixed
 * @param fixedAt when the policy was re-applied, or null
 * @param fixedByEventId the event that re-applied it, or null
 * @param fixedByEventName its API name, or null
 * @param confidence how sure the finding is
 * @param decidedBy which policy decides the access, in words
 * @param evidence the events the finding relies on, in time order
 */
public record PolicyDrift(String accountId, String region, String resourceArn, String resourceType, String resourceName,
    String entryDetail, String matchKey, String roleArn, String roleName, String oldRoleId, String newRoleId, String principalKeys,
    String policyEventId, String policyEventName, Instant policySetAt, String policyText, RoleChangeTime roleDeleted,
    RoleChangeTime roleRecreated, Actor roleRecreatedBy, long deniedCalls, Instant firstDeniedAt, Instant lastDeniedAt,
    List<String> deniedActions, PolicyDriftStatus status, Instant fixedAt, String fixedByEventId,
    String fixedByEventName, DriftConfidence confidence, String decidedBy, List<Evidence> evidence) {
  public PolicyDrift {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(resourceArn, "resourceArn is null");
    requireNonNull(resourceType, "resourceType is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(policyEventId, "policyEventId is null");
    requireNonNull(roleRecreated, "roleRecreated is null");
    requireNonNull(roleRecreatedBy, "roleRecreatedBy is null");
    requireNonNull(status, "status is null");
    requireNonNull(confidence, "confidence is null");
    deniedActions = List.copyOf(deniedActions);
    evidence = List.copyOf(evidence);
  }

  /** When the old generation was deleted, when DeleteRole shows the time; null otherwise. */
  public Instant roleDeletedAt() {
    return roleDeleted == null ? null : roleDeleted.at();
  }

  /** When the role was re-created, when CreateRole or a CreateDate shows the time; null when only bounds show it. */
  public Instant roleRecreatedAt() {
    return roleRecreated.at();
  }
}
