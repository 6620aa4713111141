package io.trailsleuth.pipeline;

import io.trailsleuth.store.RunWriter;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Opens a run's staging database on a thread of its own, so that the walk of the inputs runs meanwhile. */
final class StagingOpening {
  private final FutureTask<RunWriter> opening;

  private StagingOpening(Callable<RunWriter> begin) {
    this.opening = new FutureTask<>(begin);
  }

  /** Starts {@code begin} (a {@link RunWriter#begin} call) now. */
  static StagingOpening start(Callable<RunWriter> begin) {
    StagingOpening staging = new StagingOpening(begin);
    Thread thread = new Thread(staging.opening, "trailsleuth-staging");
    thread.setDaemon(true);
    thread.start();
    return staging;
  }

  /** The open writer, once it is open; throws what opening it threw, as {@code begin} would have. */
  RunWriter writer() throws IOException, InterruptedException {
    try {
      return opening.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  /**
   * For a run that failed before it asked for the writer: waits until the opening is over (the staging directory must
   * not outlive the run's lock) and closes the writer; a failure of either is added to {@code failure}.
   */
  void abandon(Throwable failure) {
    boolean interrupted = false;
    while (true) {
      try {
        opening.get().close();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        failure.addSuppressed(e.getCause());
        break;
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
