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

  static FunctionFacts empty() {
    return new FunctionFacts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }
}
