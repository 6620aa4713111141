package io.trailsleuth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Compares the copies of every event ID a run repeats, by canonical form, and records each event whose copies differ
 * in the run's {@code run_conflicts} table: every version, which one the events view keeps, and the fields that
 * differ. Runs at deduplication, so only the repeated events pay for the comparison.
 */
final class ConflictFinder {
  /** One copy as the candidates query returns it. */
  private record Copy(String eventId, String sourceFile, long sourceRecord, String sourceSha256, boolean kept,
      CanonicalRecord record) {}

  private ConflictFinder() {}

  /**
   * Fills {@code run_conflicts}; returns how many dropped copies differ from the kept one (the conflicting copies).
   * {@code verifiedFiles} are the digest-verified copies, or null when digests were not checked.
   */
  static long record(Connection connection, String runId, Set<RunWriter.FileKey> verifiedFiles) throws SQLException {
    long conflicting = 0;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(RunWriter.sql("store_find_conflict_candidates", java.util.Map.of()));
        DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
            .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_conflicts")) {
      List<Copy> copies = new ArrayList<>();
      while (rows.next()) {
        Copy copy = new Copy(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
            rows.getBoolean(5), canonical(rows.getString(7), rows.getString(1)));
        if (!copies.isEmpty() && !copies.get(0).eventId().equals(copy.eventId())) {
          conflicting += write(copies, runId, verifiedFiles, appender);
          copies.clear();
        }
        copies.add(copy);
      }
      conflicting += write(copies, runId, verifiedFiles, appender);
    }
    return conflicting;
  }

  /** Writes one event's versions when they differ; returns its dropped copies that differ from the kept one. */
  private static long write(List<Copy> copies, String runId, Set<RunWriter.FileKey> verifiedFiles, DuckDBAppender appender)
      throws SQLException {
    if (copies.isEmpty() || copies.stream().map(c -> c.record().sha256()).distinct().count() < 2) {
      return 0;
    }
    Copy kept = copies.stream().filter(Copy::kept).findFirst().orElseThrow(
        () -> new IllegalStateException("no kept copy of event " + copies.get(0).eventId()));
    long conflicting = 0;
    for (Copy copy : copies) {
      List<String> differing = copy.record().differingFields(kept.record());
      if (!copy.kept() && !differing.isEmpty()) {
        conflicting++;
      }
      appender.beginRow()
          .append(runId)
          .append(copy.eventId())
          .append(copy.sourceFile())
          .append(copy.sourceRecord())
          .append(copy.sourceSha256())
          .append(copy.record().sha256())
          .append(copy.kept())
          .append(String.join(",", differing));
      if (verifiedFiles == null) {
        appender.appendNull();
      } else {
        appender.append(verifiedFiles.contains(new RunWriter.FileKey(copy.sourceFile(), copy.sourceSha256())));
      }
      appender.endRow();
    }
    return conflicting;
  }

  private static CanonicalRecord canonical(String content, String eventId) throws SQLException {
    try {
      return CanonicalRecord.of(content);
    } catch (JsonProcessingException e) {
      throw new SQLException("the stored columns of event " + eventId + " are not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
