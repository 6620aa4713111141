package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Derives when a role generation was created and deleted from what shows it: CreateRole or DeleteRole, a snapshot's
 * CreateDate or deletion item, a grantee listed by unique ID, and otherwise the bounds of the role IDs' sightings.
 * A snapshot's capture time bounds a deletion; it is never taken for the deletion's time.
 */
final class RoleChangeTimes {
  private final List<SnapshotEvidence> snapshots;

  RoleChangeTimes(List<SnapshotEvidence> snapshots) {
    this.snapshots = List.copyOf(snapshots);
  }

  /**
   * When a generation was created: CreateRole's time, a snapshot's CreateDate, or, when neither is in the evidence,
   * before its ID first appears and after the previous generation's last appearance (or its DeleteRole).
   */
  RoleChangeTime created(Generation generation, Generation previous) {
    if (generation.createdAt() != null) {
      if (generation.createdEventId() != null) {
        return RoleChangeTime.exact(generation.createdAt(), "CreateRole", null);
      }
      SnapshotEvidence item = creationItem(generation);
      return RoleChangeTime.exact(generation.createdAt(), item == null ? generation.knownFrom() : item.kind(), item);
    }
    Instant before = generation.appearedAt();
    Instant after = previous == null ? null : latestNotAfter(before, lastAppearance(previous),
        "DeleteRole".equals(previous.deletionKnownFrom()) ? previous.deletedAt() : null);
    return new RoleChangeTime(null, after, before, "sightings", null);
  }

  /**
   * When a generation was deleted, or null when nothing shows it: DeleteRole's time, or bounds: after its last
   * appearance, and before both an AWS Config deletion item's capture time and the next generation's creation (a role
   * name is unique, so the old role was gone when the new one was created).
   */
  RoleChangeTime deleted(Generation generation, Generation next) {
    if (!generation.deletionKnown()) {
      return null;
    }
    if ("DeleteRole".equals(generation.deletionKnownFrom())) {
      return RoleChangeTime.exact(generation.deletedAt(), "DeleteRole", null);
    }
    Instant nextCreated = next == null ? null : next.createdAt() != null ? next.createdAt() : next.appearedAt();
    Instant before = earliest(generation.deletedAt(), nextCreated);
    Instant after = before == null ? lastAppearance(generation) : latestNotAfter(before, lastAppearance(generation));
    return new RoleChangeTime(null, after, before, generation.deletionKnownFrom(), deletionItem(generation));
  }

  private SnapshotEvidence creationItem(Generation generation) {
    SnapshotEvidence found = null;
    for (SnapshotEvidence item : snapshots) {
      boolean shows = ("iam-role".equals(item.kind()) || "aws-config".equals(item.kind()))
          && generation.roleId().equals(item.roleId()) && generation.createdAt().equals(item.roleCreatedAt());
      // an iam get-role output before an AWS Config item, then by file and item
      if (shows && (found == null || rank(item) < rank(found) || rank(item) == rank(found) && item.compareTo(found) < 0)) {
        found = item;
      }
    }
    return found;
  }

  private SnapshotEvidence deletionItem(Generation generation) {
    SnapshotEvidence found = null;
    for (SnapshotEvidence item : snapshots) {
      boolean shows = "aws-config".equals(generation.deletionKnownFrom())
          ? "aws-config".equals(item.kind()) && generation.roleId().equals(item.roleId())
              && Boolean.TRUE.equals(item.roleDeleted()) && Objects.equals(generation.deletedAt(), item.capturedAt())
          : "kms-list-grants".equals(item.kind()) && generation.roleId().equals(item.granteeRoleId());
      if (shows && (found == null || item.compareTo(found) < 0)) {
        found = item;
      }
    }
    return found;
  }

  private static int rank(SnapshotEvidence item) {
    return "iam-role".equals(item.kind()) ? 0 : 1;
  }

  private static Instant lastAppearance(Generation generation) {
    return generation.lastSeenAt() != null && generation.lastSeenAt().isAfter(generation.appearedAt())
        ? generation.lastSeenAt() : generation.appearedAt();
  }

  /** The latest of the candidates that is not after the limit, or null. */
  private static Instant latestNotAfter(Instant limit, Instant... candidates) {
    Instant latest = null;
    for (Instant candidate : candidates) {
      if (candidate != null && !candidate.isAfter(limit) && (latest == null || candidate.isAfter(latest))) {
        latest = candidate;
      }
    }
    return latest;
  }

  private static Instant earliest(Instant first, Instant second) {
    return first == null ? second : second == null || first.isBefore(second) ? first : second;
  }
}
