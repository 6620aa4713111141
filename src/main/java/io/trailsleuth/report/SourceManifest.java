package io.trailsleuth.report;

import io.trailsleuth.analysis.Findings;
import io.trailsleuth.common.SqlFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the report takes from the store's sources, read row by row in one pass over the {@code report_source_files}
 * query: the input manifest's SHA-256, the log file layouts the paths show, and the first SHA-256 listed for each file
 * the findings cite. No list of every file is held: a store of 300,000 files made the report hold 300,000 rows of
 * strings, which outgrew the launcher's 256 MiB heap inside DuckDB's JDBC driver and crashed the JVM.
 */
public final class SourceManifest {
  private final String sha256;
  private final TrailLayouts layouts;
  private final Map<String, String> firstSha256s;

  private SourceManifest(String sha256, TrailLayouts layouts, Map<String, String> firstSha256s) {
    this.sha256 = sha256;
    this.layouts = layouts;
    this.firstSha256s = Map.copyOf(firstSha256s);
  }

  /** Reads the sources of the store open on {@code connection}, for a report of these findings. */
  public static SourceManifest read(Connection connection, Findings findings) throws SQLException {
    Set<String> citedFiles = new HashSet<>();
    findings.citedEvidence().forEach(evidence -> citedFiles.add(evidence.sourceFile()));
    return read(connection, citedFiles);
  }

  /** Reads the sources of the store open on {@code connection}; keeps the first SHA-256 of the {@code citedFiles}. */
  static SourceManifest read(Connection connection, Set<String> citedFiles) throws SQLException {
    Reader reader = new Reader(citedFiles);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("report_source_files").sql())) {
      while (rows.next()) {
        reader.add(rows.getString("input_root"), rows.getString("source_file"), rows.getString("sha256"),
            rows.getString("status"));
      }
    }
    return reader.finish();
  }

  /**
   * SHA-256 over the sorted "root/path sha256" lines of the files read for events (skipped files such as digests or
   * a report written into the archive do not change it).
   */
  public String sha256() {
    return sha256;
  }

  /** The log file layouts the paths show, without the buckets of an integrity check. */
  TrailLayouts layouts() {
    return layouts;
  }

  /** The first SHA-256 the sources list for a cited file, by its relative path. */
  Optional<String> firstSha256(String sourceFile) {
    return Optional.ofNullable(firstSha256s.get(sourceFile));
  }

  /** Takes the rows in the query's order (input root, path, SHA-256, run). */
  private static final class Reader {
    private final Set<String> citedFiles;
    private final MessageDigest digest;
    private final TrailLayouts.Builder layouts = new TrailLayouts.Builder();
    private final Map<String, String> firstSha256s = new HashMap<>();

    Reader(Set<String> citedFiles) {
      this.citedFiles = citedFiles;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void add(String inputRoot, String sourceFile, String sha256, String status) {
      if (!"skipped".equals(status)) {
        digest.update((inputRoot + "/" + sourceFile + " " + sha256 + "\n").getBytes(StandardCharsets.UTF_8));
      }
      layouts.add(inputRoot, sourceFile, status);
      if (citedFiles.contains(sourceFile)) {
        firstSha256s.putIfAbsent(sourceFile, sha256 == null ? "" : sha256);
      }
    }

    SourceManifest finish() {
      return new SourceManifest(HexFormat.of().formatHex(digest.digest()), layouts.build(), firstSha256s);
    }
  }
}
