package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A function whose grant names a replaced role generation but that has not run since: its next cold start fails. */
public record AtRisk(
    String accountId,
    String region,
    String functionName,
    String functionArn,
    String roleName,
    String roleArn,
    String oldRoleId,
    String newRoleId,
    String grantId,
    String reason,
    List<Evidence> evidence) {
  public AtRisk {
    requireNonNull(accountId, "accountId is null");
    requireNonNull(functionName, "functionName is null");
    requireNonNull(roleName, "roleName is null");
    requireNonNull(reason, "reason is null");
    evidence = evidence.stream().distinct().sorted().toList();
  }
}
