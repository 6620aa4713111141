package io.trailsleuth.report;

import static io.trailsleuth.common.MarkdownText.code;
import static io.trailsleuth.report.Durations.time;

import io.trailsleuth.analysis.CitedSources;
import io.trailsleuth.analysis.RoleChangeTime;
import io.trailsleuth.analysis.SnapshotEvidence;
import java.time.Instant;

/** States when a role was re-created or deleted: the time and what shows it, or the bounds the evidence gives. */
final class RoleChangeText {
  /** A timeline row of a role change: when, the event's words, the detail (plain text), and if CloudTrail shows it. */
  record Row(Instant at, String event, String detail, boolean cloudTrail) {}

  private RoleChangeText() {}

  /**
   * The re-creation's timeline row: CreateRole, a snapshot's CreateDate (naming the snapshot, not a CloudTrail event),
   * or, when only sightings bound it, a row at the new ID's first appearance.
   */
  static Row creationRow(RoleChangeTime created, String newRoleId, Instant previousDeletedAt,
      CitedSources sources) {
    String newId = "new unique ID " + newRoleId;
    if ("CreateRole".equals(created.shownBy())) {
      return new Row(created.at(), "CreateRole", newId, true);
    }
    if (created.exact()) {
      return new Row(created.at(), "Role created (CreateDate in " + sourceName(created.shownBy())
          + ", not a CloudTrail event)", newId + (created.snapshot() == null ? ""
              : "; from " + snapshotReference(created.snapshot(), sources)), false);
    }
    String after = created.after() == null ? "" : "; " + afterBound(created, previousDeletedAt);
    return new Row(created.before(), "Role re-created before this time (inferred)",
        newId + " first appears in the evidence here" + after + "; no CreateRole or CreateDate shows when", false);
  }

  /** The deletion's timeline row: DeleteRole, or when AWS Config recorded it; null without either. */
  static Row deletionRow(RoleChangeTime deleted, String roleName, String roleId, CitedSources sources) {
    if (deleted == null) {
      return null;
    }
    String role = "role " + roleName + " (" + roleId + ")";
    if (deleted.exact()) {
      return new Row(deleted.at(), "DeleteRole", role, true);
    }
    if (!"aws-config".equals(deleted.shownBy())) {
      return null;
    }
    Instant recorded = capturedAt(deleted);
    return new Row(recorded, "Role deletion recorded (AWS Config, not a CloudTrail event)", role
        + " was deleted by this time" + (deleted.before() != null && deleted.before().isBefore(recorded)
            ? ", and before " + time(deleted.before()) + ", when a role of the same name was created" : "")
        + (deleted.snapshot() == null ? "" : "; from " + snapshotReference(deleted.snapshot(), sources)), false);
  }

  /**
   * The re-creation's time in markdown, to follow "re-created": "at T", with the snapshot that shows it, or "before T,
   * when its new unique ID first appears ..." when only sightings bound it.
   *
   * @param previousDeletedAt the exact deletion time of the generation it replaced, or null
   */
  static String creation(RoleChangeTime created, Instant previousDeletedAt) {
    if (created.exact()) {
      return "at " + time(created.at()) + creationSource(created);
    }
    return "before " + time(created.before()) + ", when its new unique ID first appears in the evidence ("
        + (created.after() == null ? "" : afterBound(created, previousDeletedAt) + "; ")
        + "no `CreateRole` or `CreateDate` shows the time)";
  }

  /** " (its CreateDate in ...)" for a time a snapshot shows; empty for CreateRole. */
  static String creationSource(RoleChangeTime created) {
    return created.exact() && !"CreateRole".equals(created.shownBy())
        ? " (its `CreateDate` in " + source(created.shownBy()) + ")" : "";
  }

  /** A sentence on a deletion only bounded by the evidence: what shows it and that its time is not shown. */
  static String deletionSentence(RoleChangeTime deleted) {
    String shows = "aws-config".equals(deleted.shownBy())
        ? "AWS Config recorded the deletion at " + time(capturedAt(deleted))
        : "`kms list-grants` lists the grantee by the old unique ID, as KMS does once the role is deleted";
    return "No `DeleteRole` is in the evidence, so the deletion's time is not known: " + shows + ".";
  }

  /** The time a deletion is recorded at in a timeline: the AWS Config capture time, else its upper bound. */
  static Instant capturedAt(RoleChangeTime deleted) {
    SnapshotEvidence item = deleted.snapshot();
    return item != null && item.capturedAt() != null ? item.capturedAt() : deleted.placedAt();
  }

  /** Plain words for the snapshot kind that shows a time. */
  static String source(String kind) {
    return switch (kind) {
      case "iam-role" -> "an IAM CLI output";
      case "aws-config" -> "AWS Config";
      case "kms-list-grants" -> "`kms list-grants` output";
      default -> code(kind);
    };
  }

  /** The snapshot kind that shows a time, in plain text for a table cell. */
  static String sourceName(String kind) {
    return switch (kind) {
      case "iam-role" -> "IAM CLI output";
      case "aws-config" -> "AWS Config";
      case "kms-list-grants" -> "kms list-grants output";
      default -> kind;
    };
  }

  /**
   * Where a snapshot item is, in plain text for a table cell: file, item (and the file's input root when another root
   * holds a file at its path), and its capture time or that it has none.
   */
  static String snapshotReference(SnapshotEvidence item, CitedSources sources) {
    return SourceCitation.plain(SourceCitation.of(item, sources), item.itemIndex()) + (item.capturedAt() == null
        ? " (a CLI output, which has no capture time)" : ", captured " + time(item.capturedAt()));
  }

  /** "after T, when ..." for a re-creation bounded below; plain text. */
  static String afterBound(RoleChangeTime created, Instant previousDeletedAt) {
    return "after " + time(created.after()) + (created.after().equals(previousDeletedAt)
        ? ", when the old role was deleted" : ", when the old unique ID last appears");
  }
}
