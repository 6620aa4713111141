package io.trailsleuth.pipeline;

import io.trailsleuth.ingest.FileScope;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.SourceEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Test helpers: ingest into a real store, query it with real DuckDB, find fixtures. */
public final class TestStores {
  private TestStores() {}

  /** Ingests the inputs into the store with two parser threads and no progress output. */
  public static IngestSummary ingest(Path store, Path... inputs) throws Exception {
    return ingest(store, FileScope.EVERYTHING, inputs);
  }

  /** Ingests the files of the inputs that are in scope, with two parser threads and no progress output. */
  public static IngestSummary ingest(Path store, FileScope scope, Path... inputs) throws Exception {
    List<String> paths = Stream.of(inputs).map(Path::toString).toList();
    return IngestPipeline.run(
        new IngestOptions(paths, store, 2, IngestOptions.DEFAULT_MAX_DECOMPRESSED_BYTES, "256MB", scope),
        IngestProgress.SILENT);
  }

  /**
   * The manifest entries of the run {@code summary} reports, read back from the store, by input root and path; none
   * when the ingest wrote no run. An ingest keeps no entry per file in memory, only their totals.
   */
  public static List<SourceEntry> entries(Path store, IngestSummary summary) throws SQLException, IOException {
    if (summary.runId().isEmpty()) {
      return List.of();
    }
    List<SourceEntry> entries = new ArrayList<>();
    for (Map<String, Object> row : rows(store, "SELECT input_root, source_file, size_bytes, sha256, decompressed_bytes,"
        + " compression, shape, status, records_read, stored, duplicates, rejected, epoch_us(first_event_time) AS first,"
        + " epoch_us(last_event_time) AS last, detail FROM sources WHERE run_id = ? ORDER BY input_root, source_file",
        summary.runId())) {
      entries.add(new SourceEntry((String) row.get("input_root"), (String) row.get("source_file"),
          ((Number) row.get("size_bytes")).longValue(), (String) row.get("sha256"),
          ((Number) row.get("decompressed_bytes")).longValue(), (String) row.get("compression"),
          (String) row.get("shape"), (String) row.get("status"), ((Number) row.get("records_read")).longValue(),
          ((Number) row.get("stored")).longValue(), ((Number) row.get("duplicates")).longValue(),
          ((Number) row.get("rejected")).longValue(), micros(row.get("first")), micros(row.get("last")),
          (String) row.get("detail")));
    }
    return entries;
  }

  private static Long micros(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  /** Runs SQL against the store's views with bound parameters; each row maps column label to value. */
  public static List<Map<String, Object>> rows(Path store, String sql, Object... parameters)
      throws SQLException, IOException {
    try (Connection connection = CaseStore.connect(CaseStore.openExisting(store), "1GB");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** The single value of a one-row, one-column query. */
  public static Object value(Path store, String sql, Object... parameters) throws SQLException, IOException {
    List<Map<String, Object>> rows = rows(store, sql, parameters);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).values().iterator().next();
  }

  /** A count query's result as a long. */
  public static long count(Path store, String sql, Object... parameters) throws SQLException, IOException {
    return ((Number) value(store, sql, parameters)).longValue();
  }

  /** A fixture under src/test/resources/fixtures. */
  public static Path fixture(String relative) {
    URL url = TestStores.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a fixture into a directory under a new name. */
  public static Path copy(String relative, Path directory, String name) throws IOException {
    Path target = directory.resolve(name);
    Files.createDirectories(target.getParent());
    return Files.copy(fixture(relative), target);
  }

  /** Writes the gzip of some bytes. */
  public static Path gzip(byte[] content, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      out.write(content);
    }
    return target;
  }
}
