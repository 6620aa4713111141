package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The denied Decrypts of a broken function under one role generation, collapsed into one run as the timeline shows it.
 *
 * @param first the first denial
 * @param last the last denial
 * @param count how many were denied
 */
public record DenialRun(Instant first, Instant last, long count) {
  public DenialRun {
    requireNonNull(first, "first is null");
    requireNonNull(last, "last is null");
    if (count < 1) {
      throw new IllegalArgumentException("a denial run holds at least one denial");
    }
  }
}
