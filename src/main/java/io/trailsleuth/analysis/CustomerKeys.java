package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer-managed KMS key a function's configuration names at a time: from its CreateFunction and
 * UpdateFunctionConfiguration calls, or, when the logs hold none up to then, from an AWS Config item or a
 * {@code lambda get-function-configuration} snapshot of the function.
 */
final class CustomerKeys {
  private final Map<FunctionKey, List<SnapshotEvidence>> snapshots = new HashMap<>();

  CustomerKeys(List<SnapshotEvidence> snapshots) {
    for (SnapshotEvidence item : snapshots) {
      FunctionKey described = item.functionArn() == null ? null : FunctionKey.fromArn(item.functionArn());
      if (described != null) {
        this.snapshots.computeIfAbsent(described, k -> new ArrayList<>()).add(item);
      }
    }
  }

  /** The customer key the function used at {@code at}; null when it used aws/lambda or the evidence does not say. */
  String at(FunctionKey function, FunctionFacts facts, Instant at) {
    boolean known = false;
    boolean setLater = false;
    String key = null;
    for (FunctionChange change : facts.changes()) {
      if (change.errorCode() != null) {
        continue;
      }
      boolean sets = !change.eventName().startsWith("UpdateFunctionConfiguration") || change.kmsKeyArn() != null;
      if (change.time().isAfter(at)) {
        setLater |= sets;
      } else if (sets) {
        // a create names the key or leaves aws/lambda; an update names it, or clears it with ""; a delete ends it
        known = true;
        key = change.eventName().startsWith("DeleteFunction") || blank(change.kmsKeyArn()) ? null : change.kmsKeyArn();
      }
    }
    if (known || setLater) {
      return key;
    }
    return snapshotAt(function, at);
  }

  /** The key of the latest AWS Config item captured by then, else of a get-function-configuration output. */
  private String snapshotAt(FunctionKey function, Instant at) {
    SnapshotEvidence chosen = null;
    for (SnapshotEvidence item : snapshots.getOrDefault(function, List.of())) {
      if (item.capturedAt() != null && item.capturedAt().isAfter(at)) {
        continue;
      }
      boolean later = chosen == null || (item.capturedAt() != null
          && (chosen.capturedAt() == null || item.capturedAt().isAfter(chosen.capturedAt())));
      if (later) {
        chosen = item;
      }
    }
    return chosen == null || blank(chosen.functionKeyArn()) ? null : chosen.functionKeyArn();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
