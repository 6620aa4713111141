package io.trailsleuth.common;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work begun on a daemon thread of its own, or left to run where its result is first asked for; it runs once. What it
 * threw is thrown again where its result is taken: an {@link IOException}, {@link RuntimeException} or {@link Error}
 * as it was thrown, any other exception as the cause of an IOException.
 */
public final class BackgroundWork<T> {
  private final FutureTask<T> task;

  private BackgroundWork(Callable<T> work) {
    this.task = new FutureTask<>(work);
  }

  /**
   * Begins {@code work} on a daemon thread named {@code threadName}; should its result be asked for before that thread
   * has begun it, it runs where it is asked for instead.
   */
  public static <T> BackgroundWork<T> start(String threadName, Callable<T> work) {
    BackgroundWork<T> background = new BackgroundWork<>(work);
    Thread thread = new Thread(background.task, threadName);
    thread.setDaemon(true);
    thread.start();
    return background;
  }

  /** {@code work}, run on the thread that first asks for its result. */
  public static <T> BackgroundWork<T> onRequest(Callable<T> work) {
    return new BackgroundWork<>(work);
  }

  /**
   * The result, waiting for the work to end (or running it here when it has not begun: it runs once); throws the
   * {@link IOException}, {@link RuntimeException} or {@link Error} the work threw, any other exception as the cause of
   * an IOException.
   */
  public T get() throws IOException, InterruptedException {
    task.run();
    try {
      return task.get();
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
}
