package io.trailsleuth.analysis;

import java.util.ArrayList;
import java.util.List;

/** Everything the logs say about one function, each list in time order. */
record FunctionFacts(List<GrantEvent> grants, List<DecryptAttempt> decrypts, List<FunctionChange> changes,
    List<Evidence> invokeErrors) {
  static FunctionFacts empty() {
    return new FunctionFacts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }
}
