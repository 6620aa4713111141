package io.trailsleuth.store;

import io.trailsleuth.common.FileTrees;
import io.trailsleuth.common.SqlParameters;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.model.ConflictColumn;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.RejectColumn;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SourceColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Opens a case store: creates it for writing, or exposes its events, sources and rejects views for reading. */
public final class CaseStore {
  private CaseStore() {}

  /** Creates the store directory, or checks that an existing directory is a store; reads its marker once. */
  public static StoreLayout createOrOpen(Path root) throws IOException {
    Path marker = root.resolve(StoreLayout.MARKER);
    if (Files.isDirectory(root) && !Files.exists(marker)) {
      try (Stream<Path> list = Files.list(root)) {
        if (list.findAny().isPresent()) {
          throw new StoreException(root + " exists, is not empty and is not a trailsleuth store; "
              + "name a new or empty directory with --store");
        }
      }
    }
    Files.createDirectories(root);
    if (!Files.exists(marker)) {
      Files.writeString(marker, StoreLayout.MARKER_CONTENT, StandardCharsets.UTF_8);
      return new StoreLayout(root, StoreFormat.CURRENT);
    }
    // a version-1 store stays version 1: its runs have no markers, so none of them could be told apart if it changed
    return new StoreLayout(root, StoreFormat.version(marker));
  }

  /** Checks that a directory is a store, for reading; reads its marker once. */
  public static StoreLayout openExisting(Path root) {
    Path marker = root.resolve(StoreLayout.MARKER);
    if (!Files.exists(marker)) {
      throw new StoreException(root + " is not a trailsleuth store (no " + StoreLayout.MARKER + "); "
          + (holdsFiles(root)
              ? "if it holds logs, make a store of them in a new directory: 'trailsleuth ingest " + root + " --store "
                  + newStoreBeside(root) + "'"
              : "create one with 'trailsleuth ingest PATH --store " + root + "'"));
    }
    try {
      return new StoreLayout(root, StoreFormat.version(marker));
    } catch (IOException e) {
      throw new StoreException("cannot read " + marker + ": " + e.getMessage(), e);
    }
  }

  private static boolean holdsFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.findAny().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** A store path beside a directory of logs, never inside it: {@code logs} gives {@code logs.store}. */
  private static Path newStoreBeside(Path logs) {
    Path named = logs.normalize();
    Path name = named.getFileName();
    if (name == null || name.toString().isEmpty() || name.toString().equals("..")) {
      named = logs.toAbsolutePath().normalize();
      name = named.getFileName();
    }
    return name == null ? Path.of("case.store") : named.resolveSibling(name + ".store");
  }

  /** Removes staging directories a crashed ingest left behind; call while holding the lock. */
  public static void removeAbandonedStaging(StoreLayout layout) throws IOException {
    try (Stream<Path> list = Files.list(layout.root())) {
      for (Path path : list.filter(p -> p.getFileName().toString().startsWith(".staging-")).toList()) {
        FileTrees.deleteRecursively(path);
      }
    }
  }

  /**
   * DuckDB's memory limit for reading a store. Results stream to the caller ({@link DuckDb#inMemory}), so a report query
   * over every file's manifest row holds its sort, not its whole result: a store of 2,000,000 files took 1,282 MiB with
   * the result held, 807 MiB streamed (bench/README.md, round twelve). At 512 MB that sort no longer fits.
   */
  public static final String ANALYSIS_MEMORY_LIMIT = "1GB";

  /** As below, with {@link #ANALYSIS_MEMORY_LIMIT}. */
  public static Connection connect(StoreLayout layout) throws SQLException, IOException {
    return connect(layout, ANALYSIS_MEMORY_LIMIT);
  }

  /** An in-memory DuckDB connection with the store's views over its committed runs; the caller closes it. */
  public static Connection connect(StoreLayout layout, String memoryLimit) throws SQLException, IOException {
    StoreRuns runs = layout.scan();
    Connection connection = DuckDb.inMemory(memoryLimit);
    try (Statement statement = connection.createStatement()) {
      boolean hasRuns = !runs.committed().isEmpty();
      List<String> eventFiles = runs.eventFiles();
      if (!eventFiles.isEmpty()) {
        EventFileLayout eventFileLayout = EventFileLayout.of(layout.version());
        statement.execute(storeView(eventFileLayout.committedEventsQuery(), "events_files", eventFiles));
      } else {
        statement.execute(TableDdl.create("events", EventColumn.ALL).replace(")", ", event_date DATE)"));
      }
      if (!hasRuns) {
        // The derived tables of an empty store come from their ingest queries over the empty events table.
        statement.execute("CREATE VIEW run_events AS SELECT * FROM events");
      }
      for (DerivedTable table : DerivedTable.values()) {
        if (hasRuns) {
          requireInEveryRun(runs, table);
        }
        String sql = hasRuns
            ? storeView("store_view_derived", "files", runs.runFiles(table.fileName()))
            : SqlFiles.get(table.queryId()).sql();
        statement.execute("CREATE VIEW " + table.viewName() + " AS " + sql);
      }
      if (hasRuns) {
        statement.execute(storeView("store_view_sources", "sources_files", runs.runFiles(StoreLayout.SOURCES_FILE)));
        statement.execute(storeView("store_view_rejects", "rejects_files", runs.runFiles(StoreLayout.REJECTS_FILE)));
      } else {
        statement.execute(TableDdl.create("sources", SourceColumn.ALL));
        statement.execute(TableDdl.create("rejects", RejectColumn.ALL));
      }
      List<String> conflicts = runs.runFiles(StoreLayout.CONFLICTS_FILE);
      if (!conflicts.isEmpty()) {
        statement.execute(storeView("store_view_conflicts", "conflicts_files", conflicts));
      } else {
        statement.execute(TableDdl.create("conflicts", ConflictColumn.ALL.subList(1, ConflictColumn.ALL.size())));
      }
      List<String> snapshots = runs.runFiles(StoreLayout.SNAPSHOTS_FILE);
      if (!snapshots.isEmpty()) {
        statement.execute(storeView("store_view_snapshots", "snapshots_files", snapshots));
      } else {
        statement.execute(TableDdl.create("snapshots", SnapshotColumn.ALL));
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /** A store view's statement over the committed runs' files, passed as one JSON-list literal. */
  static String storeView(String queryId, String template, List<String> files) {
    return SqlParameters.withLiterals(SqlFiles.get(queryId).sql(), Map.of(template, StoreRuns.sqlList(files)));
  }

  /** A run written before a derived table existed would make the analysis miss its events: say so instead. */
  private static void requireInEveryRun(StoreRuns runs, DerivedTable table) {
    for (RunState.Committed run : runs.committed()) {
      if (!run.files().contains(table.fileName())) {
        throw new StoreException("the store's run " + run.location() + " has no " + table.fileName()
            + ": it was written by an older trailsleuth. Ingest the logs again into a new store (--store NEWDIR).");
      }
    }
  }

  /**
   * SHA-256 of every file the store has already read, for incremental ingest; a file rejected only for the
   * decompression limit is not among them, so a run with a higher limit reads it.
   */
  public static KnownContents knownSourceHashes(StoreLayout layout) throws SQLException, IOException {
    if (layout.scan().committed().isEmpty()) {
      return KnownContents.none();
    }
    try (Connection connection = connect(layout, "256MB");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SqlFiles.get("store_known_source_hashes").sql())) {
      KnownContents.Builder known = new KnownContents.Builder();
      while (rows.next()) {
        known.add(rows.getString(1));
      }
      return known.build();
    }
  }
}
