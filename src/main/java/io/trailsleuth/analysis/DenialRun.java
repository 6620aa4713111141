package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

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

  /** The denials (in time order) under one generation as one run, or null when there were none. */
  static DenialRun under(List<DecryptAttempt> denials, String roleId) {
    List<DecryptAttempt> under = denials.stream().filter(d -> roleId.equals(d.roleId())).toList();
    return under.isEmpty() ? null
        : new DenialRun(under.get(0).time(), under.get(under.size() - 1).time(), under.size());
  }
}
