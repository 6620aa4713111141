package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A Lambda function whose KMS grant still names a replaced role generation, with the denied Decrypts it caused.
 * Optional values are null when the logs do not show them.
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
    Instant roleDeletedAt,
    Actor roleDeletedBy,
    Instant roleRecreatedAt,
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
    List<Evidence> evidence) {
  public Breakage {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(region, "region is null");
    requireNonNull(functionName, "functionName is null");
    requireNonNull(functionArn, "functionArn is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(oldRoleId, "oldRoleId is null");
    requireNonNull(newRoleId, "newRoleId is null");
    recreations = List.copyOf(recreations);
    requireNonNull(firstFailureAt, "firstFailureAt is null");
    requireNonNull(lastFailureAt, "lastFailureAt is null");
    requireNonNull(confidence, "confidence is null");
    evidence = evidence.stream().distinct().sorted().toList();
  }

  /** broken, or remediated once a valid grant was made again. */
  public String status() {
    return remediatedAt == null ? "broken" : "remediated";
  }
}
