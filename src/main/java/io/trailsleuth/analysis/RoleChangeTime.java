package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * When a role generation was created or deleted, as the evidence shows it: the exact time, or, when no event or
 * snapshot shows it, the bounds the evidence puts around it.
 *
 * @param at the exact time, or null when the evidence shows only bounds
 * @param after for a bounded time, the latest time the evidence places before it, or null
 * @param before for a bounded time, the earliest time by which it had happened, or null
 * @param shownBy what shows it: {@code CreateRole} or {@code DeleteRole} (a CloudTrail event), {@code iam-role} or
 *     {@code aws-config} (a snapshot item), {@code kms-list-grants} (a grantee listed by unique ID), or
 *     {@code sightings} (the role IDs' first and last appearances only)
 * @param snapshot the snapshot item that shows it, or null
 */
public record RoleChangeTime(Instant at, Instant after, Instant before, String shownBy, SnapshotEvidence snapshot) {
  public RoleChangeTime {
    if (at == null && before == null && after == null) {
      throw new IllegalArgumentException("a role change needs a time or a bound");
    }
    if (at != null && (after != null || before != null)) {
      throw new IllegalArgumentException("an exact time has no bounds");
    }
    if (after != null && before != null && after.isAfter(before)) {
      throw new IllegalArgumentException("bounds out of order: " + after + " after " + before);
    }
    requireNonNull(shownBy, "shownBy is null");
  }

  /** An exact time shown by an event or a snapshot item. */
  public static RoleChangeTime exact(Instant at, String shownBy, SnapshotEvidence snapshot) {
    return new RoleChangeTime(requireNonNull(at, "at is null"), null, null, shownBy, snapshot);
  }

  /** True when the evidence shows the time itself, not only bounds around it. */
  public boolean exact() {
    return at != null;
  }

  /** Where the change sits in a timeline: its time, else the latest it can have happened, else its lower bound. */
  public Instant placedAt() {
    return at != null ? at : before != null ? before : after;
  }
}
