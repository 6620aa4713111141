package io.trailsleuth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * A second connection to the staging database with a thread of its own, so that one statement runs beside the main
 * thread's. The database keeps one worker thread: each statement runs on the thread that calls it, and two
 * connections give two statements at once where {@code SET threads = 2} made the focus events' COPY slower
 * (bench/README.md, round eight).
 */
final class StagingLane implements AutoCloseable {
  /** Work for the lane, given a statement of the lane's connection. */
  @FunctionalInterface
  interface Work {
    void run(Statement statement) throws SQLException;
  }

  private final Connection connection;
  private final ExecutorService thread;
  /** The statement the lane runs now, for {@link #close()} to cancel; null between statements. */
  private volatile Statement running;

  StagingLane(Connection main) throws SQLException {
    this.connection = main.unwrap(DuckDBConnection.class).duplicate();
    this.thread = Executors.newSingleThreadExecutor(work -> {
      Thread lane = new Thread(work, "trailsleuth-staging-lane");
      lane.setDaemon(true);
      return lane;
    });
  }

  /** Runs the work on the lane's thread after the work submitted before it. */
  Future<Void> submit(Work work) {
    return thread.submit(() -> {
      try (Statement statement = connection.createStatement()) {
        running = statement;
        work.run(statement);
      } finally {
        running = null;
      }
      return null;
    });
  }

  /** Waits for submitted work; rethrows its SQL failure as thrown, and any other failure wrapped in one. */
  static void await(Future<Void> work) throws SQLException {
    try {
      work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the staging database", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException failure) {
        throw failure;
      }
      throw new SQLException(e.getCause().getMessage(), e.getCause());
    }
  }

  /** Cancels the statement under way, waits for the thread to stop, and closes the connection. */
  @Override
  public void close() throws SQLException {
    thread.shutdownNow();
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // the statement ended meanwhile: nothing to cancel
      }
    }
    try {
      thread.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
