package io.trailsleuth.pipeline;

import io.trailsleuth.common.BackgroundWork;
import io.trailsleuth.store.RunWriter;
import java.io.IOException;
import java.util.concurrent.Callable;

/** Opens a run's staging database on a thread of its own, so that the walk of the inputs runs meanwhile. */
final class StagingOpening {
  private final BackgroundWork<RunWriter> opening;

  private StagingOpening(BackgroundWork<RunWriter> opening) {
    this.opening = opening;
  }

  /** Starts {@code begin} (a {@link RunWriter#begin} call) now. */
  static StagingOpening start(Callable<RunWriter> begin) {
    return new StagingOpening(BackgroundWork.start("trailsleuth-staging", begin));
  }

  /** The open writer, once it is open; throws what opening it threw, as {@code begin} would have. */
  RunWriter writer() throws IOException, InterruptedException {
    return opening.get();
  }

  /**
   * For a run that failed before it asked for the writer: waits until the opening is over (the staging directory must
   * not outlive the run's lock) and closes the writer; a failure of either is added to {@code failure}.
   */
  void abandon(Throwable failure) {
    boolean interrupted = false;
    RunWriter writer = null;
    while (true) {
      try {
        writer = opening.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (IOException | RuntimeException | Error e) {
        failure.addSuppressed(e);
        break;
      }
    }
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
