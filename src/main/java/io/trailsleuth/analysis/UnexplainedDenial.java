package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Denied Decrypts of one principal that no breakage explains. {@code awsManagedKey} is true when the evidence shows a
 * key they were denied on is AWS-managed (a Lambda-made grant on it, or describe-key or AWS Config saying so): its
 * policy and grants are not the user's to change.
 */
public record UnexplainedDenial(String principalArn, List<String> errorCodes, long count, Instant firstAt,
    Instant lastAt, List<String> keyArns, boolean awsManagedKey) {
  public UnexplainedDenial {
    requireNonNull(principalArn, "principalArn is null");
    errorCodes = errorCodes.stream().distinct().sorted().toList();
    requireNonNull(firstAt, "firstAt is null");
    requireNonNull(lastAt, "lastAt is null");
    keyArns = keyArns.stream().distinct().sorted().toList();
  }
}
