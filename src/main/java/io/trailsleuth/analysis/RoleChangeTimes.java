package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Derives when a role generation was created and deleted from what shows it: CreateRole or DeleteRole, a snapshot's
 * CreateDate or deletion item, a grantee listed by unique ID, and otherwise the bounds of the role IDs' sightings.
 * A snapshot's capture time bounds a deletion; it is never taken for the deletion's time.
 */
public final class RoleChangeTimes {
  private final List<SnapshotEvidence> snapshots;

  RoleChangeTimes(List<SnapshotEvidence> snapshots) {
    this.snapshots = List.copyOf(snapshots);
  }

  /**
   * When a generation was created: CreateRole's time, a snapshot's CreateDate, or, when neither is in the evidence,
   * before its ID first appears and after the previous generation's last appearance (or its DeleteRole).
   */
  RoleChangeTime created(Generation generation, Generation previous) {
    SnapshotEvidence item = generation.createdAt() == null || generation.createdEventId() != null ? null
        : creationItem(generation);
    return created(generation.createdAt(), generation.createdEventId() != null ? "CreateRole"
        : item == null ? generation.knownFrom() : item.kind(), item, generation.appearedAt(),
        previous == null ? null : lastAppearance(previous),
        previous != null && "DeleteRole".equals(previous.deletionKnownFrom()) ? previous.deletedAt() : null);
  }

  /**
   * When a role generation was created: exact when CreateRole or a CreateDate gives {@code createdAt}, else before
   * its first appearance and after the previous generation's last appearance or DeleteRole (when not later).
   *
   * @param shownBy CreateRole, iam-role or aws-config: what gives {@code createdAt}
   */
  public static RoleChangeTime created(Instant createdAt, String shownBy, SnapshotEvidence item, Instant appearedAt,
      Instant previousLastAppearance, Instant previousDeletedAt) {
    if (createdAt != null) {
      return RoleChangeTime.exact(createdAt, shownBy, item);
    }
    return new RoleChangeTime(null, latestNotAfter(appearedAt, previousLastAppearance, previousDeletedAt), appearedAt,
        "sightings", null);
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
    return deleted(generation.deletionKnownFrom(), generation.deletedAt(), lastAppearance(generation),
        next == null ? null : next.createdAt() != null ? next.createdAt() : next.appearedAt(),
        "DeleteRole".equals(generation.deletionKnownFrom()) ? null : deletionItem(generation));
  }

  /**
   * When a generation was deleted, or null when {@code shownBy} is null: exact for DeleteRole, else bounded.
   *
   * @param deletedAt DeleteRole's time, or AWS Config's capture of the deletion, or null (a grant listed by ID)
   * @param nextCreatedAt the next generation's creation or first appearance, or null
   */
  public static RoleChangeTime deleted(String shownBy, Instant deletedAt, Instant lastAppearance, Instant nextCreatedAt,
      SnapshotEvidence item) {
    if (shownBy == null) {
      return null;
    }
    if ("DeleteRole".equals(shownBy)) {
      return RoleChangeTime.exact(deletedAt, shownBy, null);
    }
    Instant before = earliest(deletedAt, nextCreatedAt);
    Instant after = before == null ? lastAppearance : latestNotAfter(before, lastAppearance);
    return new RoleChangeTime(null, after, before, shownBy, item);
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
    return latestNotAfter(Instant.MAX, generation.appearedAt(), generation.lastSeenAt());
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
