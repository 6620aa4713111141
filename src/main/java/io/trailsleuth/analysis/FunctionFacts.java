package io.trailsleuth.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything the logs say about one function, each list in time order. */
record FunctionFacts(List<GrantEvent> grants, List<DecryptAttempt> decrypts, List<FunctionChange> changes,
    List<Evidence> invokeErrors) {
  /** The failed Invokes (KMS errors) from {@code from}, inclusive, to {@code until}, exclusive. */
  List<Evidence> invokeErrorsBetween(Instant from, Instant until) {
    return invokeErrors.stream().filter(e -> !e.eventTime().isBefore(from) && e.eventTime().isBefore(until)).toList();
  }

  /**
   * The function's last successful Decrypt of its own (its encryption context names it) after a grant and before
   * {@code before}, by the grant's role on the grant's key: the generation it ran under is the one the grant is bound
   * to. Null when there is none.
   */
  DecryptAttempt ownSuccessAfter(GrantEvent grant, Instant before) {
    DecryptAttempt success = null;
    for (DecryptAttempt candidate : decrypts) {
      if (!candidate.denied() && candidate.errorCode() == null && candidate.functionArn() != null
          && candidate.time().isAfter(grant.time()) && candidate.time().isBefore(before)
          && grant.roleName().equals(candidate.roleName()) && candidate.roleId() != null
          && Keys.compatible(grant.keyArn(), candidate.keyArn())) {
        success = candidate;
      }
    }
    return success;
  }

  static FunctionFacts empty() {
    return new FunctionFacts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }
}
