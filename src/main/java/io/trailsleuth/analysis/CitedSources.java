package io.trailsleuth.analysis;

import io.trailsleuth.common.SqlFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The copy of its source file each event a finding cites was read from, looked up once so that the report, the
 * findings JSON and the evidence pack name the same file, under the same input root; and the input root of each
 * snapshot file, which the findings' list of snapshot files carries.
 */
public final class CitedSources {
  private final Map<String, CitedSource> byEventId;
  /** The findings' snapshot files, in their natural order: searched, not indexed again (one per Config file). */
  private final List<SnapshotFile> snapshotFiles;

  private CitedSources(Map<String, CitedSource> byEventId, List<SnapshotFile> snapshotFiles) {
    this.byEventId = byEventId;
    this.snapshotFiles = snapshotFiles;
  }

  /** None known: outputs cite by relative path alone, as for findings made without a store. */
  public static CitedSources none() {
    return new CitedSources(Map.of(), List.of());
  }

  /** The sources of every event a breakage, at-risk or policy drift finding cites, from the store's stored versions. */
  public static CitedSources load(Connection connection, Findings findings) throws SQLException {
    Set<String> ids = new TreeSet<>();
    findings.citedEvidence().stream().map(Evidence::eventId).forEach(ids::add);
    try (Statement statement = connection.createStatement()) {
      statement.execute(SqlFiles.get("store_evidence_cited_ids").sql());
    }
    try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cited_ids")) {
      for (String id : ids) {
        appender.beginRow().append(id).endRow();
      }
    }
    Map<String, CitedSource> sources = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("store_evidence_cited_records").sql())) {
      while (rows.next()) {
        SourceCopy copy = Rows.sourceCopy(rows);
        sources.putIfAbsent(rows.getString("event_id"), new CitedSource(rows.getString("event_id"), copy,
            (Long) rows.getObject("source_offset"), (Long) rows.getObject("source_length")));
      }
    }
    return new CitedSources(sources, findings.snapshots());
  }

  /** Where a snapshot file was read: its input root, when the store lists it, else its relative path alone. */
  public SourceCopy snapshotFile(String sourceFile, String sourceSha256) {
    int found = Collections.binarySearch(snapshotFiles, new SnapshotFile(sourceFile, sourceSha256, "", 0));
    return found >= 0 ? snapshotFiles.get(found).copy() : new SourceCopy("", sourceFile, sourceSha256, false);
  }

  /** Where the event was read, when it is known. */
  public Optional<CitedSource> of(String eventId) {
    return Optional.ofNullable(byEventId.get(eventId));
  }

  /** The copy of its source file a piece of evidence was read from, when it is known (and is the file it names). */
  public Optional<SourceCopy> sourceOf(Evidence evidence) {
    return of(evidence.eventId()).map(CitedSource::source)
        .filter(source -> source.sourceFile().equals(evidence.sourceFile()));
  }

  /** Every cited source, ordered by event ID. */
  public Collection<CitedSource> all() {
    return byEventId.values();
  }
}
