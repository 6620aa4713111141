package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** Denied Decrypts of one principal that no breakage explains. */
public record UnexplainedDenial(String principalArn, List<String> errorCodes, long count, Instant firstAt,
    Instant lastAt, List<String> keyArns) {
  public UnexplainedDenial {
    requireNonNull(principalArn, "principalArn is null");
    errorCodes = errorCodes.stream().distinct().sorted().toList();
    requireNonNull(firstAt, "firstAt is null");
    requireNonNull(lastAt, "lastAt is null");
    keyArns = keyArns.stream().distinct().sorted().toList();
  }
}
