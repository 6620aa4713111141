package io.trailsleuth.cli;

import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.RunState;
import io.trailsleuth.store.StoreLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Opens a store for a command and says, once, which run directories its readers leave out and why. */
final class IgnoredRuns {
  private IgnoredRuns() {}

  /** The store for reading, after a warning line on {@code err} for each run directory that is not committed. */
  static StoreLayout open(Path store, PrintWriter err) throws IOException {
    StoreLayout layout = CaseStore.openExisting(store);
    warn(layout, err);
    return layout;
  }

  /** A warning line on {@code err} for each run directory of the opened store that is not committed. */
  static void warn(StoreLayout layout, PrintWriter err) throws IOException {
    for (RunState.Ignored run : layout.scan().ignored()) {
      err.println(run.warning());
    }
    err.flush();
  }
}
