package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A Lambda function whose KMS grant still names a replaced role generation, with the denied Decrypts it caused.
 * Optional values are null when the evidence does not show them ({@code oldRoleId} and {@code roleRecreated} too,
 * for a {@link Confidence#POSSIBLE} finding).
 *
 * @param roleDeleted when the generation the grant is bound to was deleted (exact or bounded), or null when unknown
 * @param roleRecreated when its replacement was created (exact or bounded), or null when no replacement is known
 * @param evidenceSources the kinds of evidence that support it: cloudtrail, aws-config, kms-list-grants, iam-role,
 *     lambda-config, kms-describe-key
 * @param missingEvidence short stable codes of what the evidence lacks (see {@link EvidenceGaps})
 * @param snapshotEvidence the snapshot items it relies on
 */
public record Breakage(
    String accountId,
    String region,
    String functionName,
    String functionArn,
    String roleName,
    String roleArn,
    String oldRoleId,
    String newRoleId,
    String grantId,
    String keyArn,
    RoleChangeTime roleDeleted,
    Actor roleDeletedBy,
    RoleChangeTime roleRecreated,
    Actor roleRecreatedBy,
    List<Recreation> recreations,
    Instant firstFailureAt,
    Instant lastFailureAt,
    long failedDecrypts,
    Instant remediatedAt,
    Actor remediatedBy,
    String remediationEvent,
    Instant recoveredAt,
    Confidence confidence,
    List<Evidence> evidence,
    List<String> evidenceSources,
    List<String> missingEvidence,
    List<SnapshotEvidence> snapshotEvidence) {
  public Breakage {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(region, "region is null");
    requireNonNull(functionName, "functionName is null");
    requireNonNull(functionArn, "functionArn is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(newRoleId, "newRoleId is null");
    recreations = List.copyOf(recreations);
    requireNonNull(firstFailureAt, "firstFailureAt is null");
    requireNonNull(lastFailureAt, "lastFailureAt is null");
    requireNonNull(confidence, "confidence is null");
    evidence = evidence.stream().distinct().sorted().toList();
    evidenceSources = evidenceSources.stream().distinct().sorted().toList();
    missingEvidence = List.copyOf(missingEvidence);
    snapshotEvidence = snapshotEvidence.stream().distinct().sorted().toList();
  }

  /** When the old generation was deleted, when an event shows the time; null when only bounds or nothing shows it. */
  public Instant roleDeletedAt() {
    return roleDeleted == null ? null : roleDeleted.at();
  }

  /** When the role was re-created, when an event or a CreateDate shows the time; null when only bounds show it. */
  public Instant roleRecreatedAt() {
    return roleRecreated == null ? null : roleRecreated.at();
  }

  /** broken, or remediated once a valid grant was made again. */
  public String status() {
    return remediatedAt == null ? "broken" : "remediated";
  }
}
