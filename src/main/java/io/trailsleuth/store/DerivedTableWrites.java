package io.trailsleuth.store;

import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.common.SqlParameters;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Writes derived tables of a run from the view {@code run_events}, each by whichever connection takes it first. */
final class DerivedTableWrites {
  private final Path output;
  private final int storeVersion;
  private final Queue<DerivedTable> pending;

  /** The tables to write into the run directory {@code output}, largest first. */
  DerivedTableWrites(Path output, int storeVersion, List<DerivedTable> tables) {
    this.output = output;
    this.storeVersion = storeVersion;
    this.pending = new ConcurrentLinkedQueue<>(tables);
  }

  /**
   * Writes the tables no other connection has taken, one at a time, until none is left. The main thread and the
   * {@link StagingLane} call it at once; each COPY runs on its caller's thread alone, so a table's file is the same
   * whichever connection writes it.
   */
  void writeUntilDone(Statement statement) throws SQLException {
    for (DerivedTable table = pending.poll(); table != null; table = pending.poll()) {
      write(statement, table);
    }
  }

  private void write(Statement statement, DerivedTable table) throws SQLException {
    List<String> leftOut = table.leftOutColumns(storeVersion);
    String derived = SqlFiles.get(table.queryId()).sql();
    String rows = leftOut.isEmpty() ? derived
        : "SELECT * EXCLUDE (" + String.join(", ", leftOut) + ") FROM (" + derived + ")";
    // COPY takes no bind parameters: the rows' query (ours) and the path (ours) are quoted as literals
    statement.execute(SqlParameters.withLiterals(SqlFiles.get("store_write_derived").sql(),
        Map.of("rows", rows, "path", output.resolve(table.fileName()).toString())));
  }
}
