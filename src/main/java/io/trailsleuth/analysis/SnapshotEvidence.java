package io.trailsleuth.analysis;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One item of a snapshot file (a grant of {@code kms list-grants}, a role of {@code iam get-role}, an AWS Config item,
 * ...) that a finding relies on, with where to find it and the typed fields it was matched on. Fields the item does not
 * hold are null.
 */
public record SnapshotEvidence(
    String kind,
    String itemType,
    String sourceFile,
    String sourceSha256,
    long itemIndex,
    String accountId,
    Instant capturedAt,
    String roleName,
    String roleId,
    Instant roleCreatedAt,
    Boolean roleDeleted,
    String functionArn,
    String functionRoleArn,
    String functionKeyArn,
    String keyArn,
    String keyManager,
    String grantId,
    String granteePrincipal,
    String granteeRoleId,
    String grantFunctionArn) implements Comparable<SnapshotEvidence> {
  public SnapshotEvidence {
    requireNonNull(kind, "kind is null");
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sourceSha256, "sourceSha256 is null");
  }

  /** What the item shows, in one line for reports. */
  public String summary() {
    return switch (kind) {
      case "kms-list-grants" -> "grant " + grantId + " on " + keyArn + " lists its grantee as " + granteePrincipal;
      case "iam-role" -> "role " + roleName + " has unique ID " + roleId + ", created " + roleCreatedAt;
      case "lambda-config" -> "function " + functionArn + " runs as " + functionRoleArn + " with "
          + (functionKeyArn == null ? "no customer key (aws/lambda)" : "key " + functionKeyArn);
      case "kms-describe-key" -> "key " + keyArn + " is managed by " + keyManager;
      default -> itemType + " " + (roleId != null ? "role " + roleName + " (" + roleId + ")"
          + (Boolean.TRUE.equals(roleDeleted) ? " deleted" : "") : functionArn != null ? "function " + functionArn
          : keyArn != null ? "key " + keyArn : "") + (capturedAt == null ? "" : ", captured " + capturedAt);
    };
  }

  @Override
  public int compareTo(SnapshotEvidence other) {
    int byFile = sourceFile.compareTo(other.sourceFile);
    if (byFile != 0) {
      return byFile;
    }
    int byHash = sourceSha256.compareTo(other.sourceSha256);
    return byHash != 0 ? byHash : Long.compare(itemIndex, other.itemIndex);
  }
}
