package io.trailsleuth.store;

import io.trailsleuth.common.FileTrees;
import io.trailsleuth.common.SqlFiles;
import io.trailsleuth.common.SqlParameters;
import io.trailsleuth.model.ConflictColumn;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.RejectColumn;
import io.trailsleuth.model.SnapshotColumn;
import io.trailsleuth.model.SnapshotItem;
import io.trailsleuth.model.SourceColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one ingest run: streams parsed Arrow batches through an in-memory DuckDB database into Parquet, drops events
 * the store already holds, and publishes the run with one atomic rename. Until {@link #commit()} the store is
 * unchanged; closing an uncommitted writer deletes its staging directory.
 */
public final class RunWriter implements AutoCloseable {
  private static final long ID_HASHES_LIMIT = 1_500_000;
  /** Identifies a file's events in the staging table. */
  public record FileKey(String sourceFile, String sha256) {
    // Written out: a record's own equals and hashCode bind method handles on first use, which took 10-15 ms on the
    // critical path of every ingest's tail (bench/README.md, round nine).
    @Override
    public boolean equals(Object other) {
      return other instanceof FileKey key && Objects.equals(sourceFile, key.sourceFile)
          && Objects.equals(sha256, key.sha256);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(sourceFile) + Objects.hashCode(sha256);
    }
  }

  private final StoreLayout layout;
  private final String runId;
  private final Path staging;
  private final Path output;
  /** The store's format version: the run's events and tables are written as that version holds them. */
  private final int storeVersion;
  private final EventFileLayout eventFileLayout;
  private final Connection connection;
  /** A second connection: the first is busy pulling batches while parser threads record rejects and manifest rows. */
  private final Connection rejectConnection;
  private final BatchQueue queue;
  private final ArrowArrayStream stream;
  private Thread consumer;
  private volatile Exception consumerFailure;
  /** Appenders, not prepared inserts: DuckDB allocates a block per executed single-row INSERT. */
  private final DuckDBAppender rejectAppender;
  private long conflictingCopies;
  /** The digest-verified copies dedup preferred, or null when none were given (digests not checked). */
  private Set<FileKey> verifiedFiles;
  private final DuckDBAppender snapshotAppender;
  /** The run's manifest rows, one per file, written as each file is read (see {@link #addSource}). */
  private final DuckDBAppender sourceAppender;
  /**
   * Hashes of the parsed events' IDs, which can prove a run repeats no event without a query, on a store that holds no
   * events yet (otherwise each must be checked against the stored ones). Up to 1.5M IDs, 16 MB of heap: past that the
   * heap would grow beside DuckDB's own peak, in the runs where the tail's share of the whole is smallest.
   */
  private final EventIdHashes eventIds;
  /** Writes derived tables beside the main thread's statements once the parse is done. */
  private final StagingLane lane;
  /** The derived tables still to write once the events are final, and the lane's share of that work. */
  private DerivedTableWrites derivedWrites;
  private Future<Void> laneDerivedWrites;

  private RunWriter(StoreLayout layout, String runId, BufferAllocator allocator, String memoryLimit)
      throws IOException, SQLException {
    this.layout = layout;
    this.runId = runId;
    this.staging = layout.staging(runId);
    Files.createDirectories(staging.resolve("tmp"));
    this.output = staging.resolve(runId);
    this.storeVersion = layout.version();
    this.eventFileLayout = EventFileLayout.of(storeVersion);
    // DuckDB writes a version-4 run's event files into this directory and creates no parent directories itself
    Files.createDirectories(eventsDirectory());
    this.connection = DuckDb.staging(memoryLimit, staging.resolve("tmp"));
    this.queue = new BatchQueue(allocator, 2);
    this.stream = ArrowArrayStream.allocateNew(allocator);
    try (Statement statement = connection.createStatement()) {
      statement.execute(TableDdl.create("run_sources", SourceColumn.ALL));
      statement.execute(TableDdl.create("run_rejects", RejectColumn.ALL));
      statement.execute(TableDdl.create("run_conflicts", ConflictColumn.ALL));
      statement.execute("CREATE TABLE preferred_files (source_file VARCHAR, source_sha256 VARCHAR)");
      statement.execute(TableDdl.create("run_snapshots", SnapshotColumn.ALL));
      List<String> storedFiles = layout.scan().eventFiles();
      this.eventIds = storedFiles.isEmpty() ? EventIdHashes.upTo(ID_HASHES_LIMIT) : EventIdHashes.off();
      if (!storedFiles.isEmpty()) {
        statement.execute(CaseStore.storeView(eventFileLayout.storedIdsQuery(), "events_files", storedFiles));
      } else {
        statement.execute(TableDdl.create("stored_events", EventColumn.ALL));
        statement.execute("CREATE VIEW stored_ids AS SELECT event_id FROM stored_events");
      }
    }
    this.rejectConnection = connection.unwrap(DuckDBConnection.class).duplicate();
    this.rejectAppender = rejectConnection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
        "run_rejects");
    this.snapshotAppender = rejectConnection.unwrap(DuckDBConnection.class)
        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_snapshots");
    this.sourceAppender = rejectConnection.unwrap(DuckDBConnection.class)
        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_sources");
    this.lane = new StagingLane(connection);
  }

  /** Starts a run in a fresh staging directory. */
  public static RunWriter begin(StoreLayout layout, String runId, BufferAllocator allocator, String memoryLimit)
      throws IOException {
    try {
      return new RunWriter(layout, runId, allocator, memoryLimit);
    } catch (SQLException e) {
      throw new StoreException("cannot open the staging database in " + layout.staging(runId) + ": " + e.getMessage(), e);
    }
  }

  public String runId() {
    return runId;
  }

  /** Where parser threads hash their events' IDs, each with a recorder of its own, before the events are batched. */
  public EventIdHashes eventIds() {
    return eventIds;
  }

  /** Where parser threads put their batches. */
  public BatchQueue queue() {
    return queue;
  }

  /** Starts the thread that pulls batches into DuckDB; producers may put batches from now on. */
  public void startConsuming(BufferAllocator allocator) {
    Data.exportArrayStream(allocator, queue, stream);
    consumer = new Thread(() -> {
      try {
        connection.unwrap(DuckDBConnection.class).registerArrowStream("incoming_batches", stream);
        try (Statement statement = connection.createStatement()) {
          statement.execute(sql(eventFileLayout.stageQuery(), Map.of("events_dir", eventsDirectory().toString())));
        }
      } catch (Exception e) {
        consumerFailure = e;
        queue.fail();
      }
    }, "trailsleuth-writer");
    consumer.setDaemon(true);
    consumer.start();
  }

  /** Throws the writer's own failure, if it stopped early: that, not "the writer stopped", explains a failed producer. */
  public void throwIfWriterFailed() throws StoreException {
    if (consumerFailure != null) {
      throw new StoreException("writing parsed events to the staging database failed: " + consumerFailure.getMessage(),
          consumerFailure);
    }
  }

  /** Called when every producer is done: waits until DuckDB has taken every batch. */
  public void finishProducing() throws IOException, InterruptedException {
    if (consumerFailure == null) {
      queue.finish();
    }
    consumer.join();
    throwIfWriterFailed();
  }

  /**
   * Drops events already stored or repeated in this run, keeping of each repeated event the copy in a
   * {@code preferredFiles} file (the digest-verified copies, by relative path and content hash, so that of two input
   * roots holding different copies at one path only the copy that matched its digest is preferred) when there is one,
   * and writes the rest as Parquet; returns the number of events stored. Copies of one event that differ in content are
   * recorded as conflicts first (see {@link ConflictFinder}). The supplier is asked only when the run repeats an event.
   *
   * <p>{@code parsed} is the number of events the run's files handed to the batches, each file's
   * {@linkplain #addSource manifest row} counting its own as stored. When the {@linkplain #eventIds() ID hashes} prove
   * that none repeats, no query looks for repeats. Otherwise the staged events of every file must be the ones its row
   * handed on, and the rows of files that lost records to deduplication are corrected. Either way the run's event files
   * must hold exactly the events the rows count as stored, and every row must add up.
   */
  public long deduplicateAndWrite(Supplier<Set<FileKey>> preferredFiles, long parsed) throws IOException {
    boolean proven = parsed > 0 && eventIds.provesNoRepeat(parsed);
    try (Statement statement = connection.createStatement()) {
      flushSources();
      boolean staged = FileTrees.containsParquet(eventsDirectory());
      if (proven) {
        createRunEventsView(statement);
        startDerivedWrites();
      } else if (staged) {
        boolean dropped = deduplicateInSql(statement, preferredFiles);
        long unmatched = count(statement, "store_count_unmatched_files");
        if (unmatched != 0) {
          throw new StoreException("the run's event files do not hold the records its files handed on (" + unmatched
              + " files differ)");
        }
        if (dropped) {
          statement.execute(sql("store_update_stored_per_file", Map.of()));
        }
      }
      long stored = count(statement, "store_sum_stored_sources");
      long written = staged ? count(statement, "store_count_run_events") : 0;
      if (written != stored || (proven && written != parsed)) {
        throw new StoreException("the run's event files hold " + written + " events where its files' manifest rows store "
            + stored + " and " + parsed + " were parsed");
      }
      if (count(statement, "store_count_unbalanced_sources") != 0) {
        throw new StoreException("the run's manifest holds files whose records are not stored + duplicates + rejected");
      }
      return stored;
    } catch (SQLException e) {
      throw new StoreException("deduplicating the run's events failed: " + e.getMessage(), e);
    }
  }

  private static long count(Statement statement, String queryId) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql(queryId, Map.of()))) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Finds the records to drop with queries over the run's event files (there are some), and rewrites the files that
   * hold any; true when it dropped any.
   */
  private boolean deduplicateInSql(Statement statement, Supplier<Set<FileKey>> preferredFiles)
      throws SQLException, IOException {
    Map<String, String> runEvents = Map.of("run_events", eventsGlob());
    createRunEventsView(statement);
    statement.execute(sql("store_find_dropped_events", runEvents));
    // a run that repeats no event has no copies to prefer or compare and no file to rewrite: it pays one count
    boolean repeats = count(statement, "store_count_dropped") > 0;
    // Most runs drop no record: their events are final now, and the lane starts on the derived tables (the focus
    // events first) while the main thread counts and writes the rest. Not beside the dedup itself: with repeated
    // records (the load test: 5M events, 532,048 duplicates) the two working sets took the peak RSS to 1,112 MiB.
    if (!repeats) {
      startDerivedWrites();
      return false;
    }
    if (preferFiles(preferredFiles)) {
      statement.execute(sql("store_find_dropped_events", runEvents));
    }
    statement.execute(sql("store_view_event_copies", runEvents));
    conflictingCopies = ConflictFinder.record(connection, runId, verifiedFiles);
    rewriteFilesWithDroppedEvents(statement, runEvents);
    startDerivedWrites();
    return true;
  }

  /** Rewrites each of the run's event files that holds a dropped record without it. */
  private void rewriteFilesWithDroppedEvents(Statement statement, Map<String, String> runEvents)
      throws SQLException, IOException {
    List<String> rewrite = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql("store_files_with_dropped_events", runEvents))) {
      while (rows.next()) {
        rewrite.add(rows.getString(1));
      }
    }
    for (String file : rewrite) {
      Path original = Path.of(file);
      Path rewritten = original.resolveSibling(original.getFileName() + ".rewrite");
      statement.execute(sql("store_rewrite_without_dropped", Map.of("file", file, "target", rewritten.toString())));
      Files.move(rewritten, original, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Hands the run's derived tables, largest first, to the lane, which takes them one by one, as the main thread does in
   * commit: each table goes to whichever of the two is free first.
   */
  private void startDerivedWrites() {
    derivedWrites = new DerivedTableWrites(output, storeVersion, List.of(DerivedTable.values()));
    laneDerivedWrites = lane.submit(derivedWrites::writeUntilDone);
  }

  /** Loads the preferred files; true when there are any, so that they can change which copy is kept. */
  private boolean preferFiles(Supplier<Set<FileKey>> preferredFiles) throws SQLException {
    Set<FileKey> files = Set.copyOf(preferredFiles.get());
    if (files.isEmpty()) {
      return false;
    }
    verifiedFiles = files;
    try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
        .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "preferred_files")) {
      for (FileKey file : files) {
        appender.beginRow().append(file.sourceFile()).append(file.sha256()).endRow();
      }
    }
    return true;
  }

  /** Dropped copies whose content differs from the copy kept (counted among the duplicates, listed in conflicts). */
  public long conflictingCopies() {
    return conflictingCopies;
  }

  /**
   * Writes the run's derived tables beside its events: its IAM, KMS and Lambda events, role sightings and events per
   * hour. The analysis reads these instead of scanning every event again. The lane has been writing them since
   * deduplication found the run's events final; the main thread takes the tables the lane has not taken yet, then
   * waits for the lane.
   */
  private void writeDerivedTables(Statement statement) throws SQLException, IOException {
    if (derivedWrites == null) {
      createRunEventsView(statement);
      startDerivedWrites();
    }
    derivedWrites.writeUntilDone(statement);
    StagingLane.await(laneDerivedWrites);
  }

  /** The view {@code run_events} of the run's events; without event files, of an empty table. */
  private void createRunEventsView(Statement statement) throws SQLException, IOException {
    if (FileTrees.containsParquet(eventsDirectory())) {
      statement.execute(sql("store_view_events", Map.of("events_glob", eventsGlob())));
    } else {
      statement.execute(TableDdl.create("events", EventColumn.ALL).replace(")", ", event_date DATE)"));
    }
    statement.execute("CREATE VIEW run_events AS SELECT * FROM events");
  }

  /** Where this run's event files are written before the run is published. */
  private Path eventsDirectory() {
    return output.resolve("events");
  }

  /** This run's event files, in either layout: directly under {@link #eventsDirectory()} or in date partitions. */
  private String eventsGlob() {
    return eventsDirectory() + "/**/*.parquet";
  }

  /**
   * Writes the manifest rows and rejects and the run's commit marker ({@link RunCommit}), then publishes the run with
   * one atomic rename.
   */
  public void commit() throws IOException {
    try (Statement statement = connection.createStatement()) {
      synchronized (this) {
        rejectAppender.flush();
        snapshotAppender.flush();
        sourceAppender.flush();
      }
      statement.execute(sql("store_fill_reject_hashes", Map.of()));
      statement.execute(sql("store_write_sources", Map.of("path", output.resolve("sources.parquet").toString())));
      statement.execute(sql("store_write_rejects", Map.of("path", output.resolve("rejects.parquet").toString())));
      statement.execute(sql("store_write_conflicts", Map.of("path", output.resolve(StoreLayout.CONFLICTS_FILE).toString())));
      statement.execute(sql("store_write_snapshots", Map.of("path", output.resolve(StoreLayout.SNAPSHOTS_FILE).toString())));
      writeDerivedTables(statement);
    } catch (SQLException e) {
      throw new StoreException("writing the run manifest failed: " + e.getMessage(), e);
    }
    // the commit marker is the run's last file: a reader takes the run only with it, and only the files it lists
    Files.writeString(output.resolve(RunCommit.FILE_NAME), RunCommit.of(runId, output).toJson(),
        StandardCharsets.UTF_8);
    Files.createDirectories(layout.runs());
    Files.move(output, layout.runs().resolve(runId), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void appendTimestamp(DuckDBAppender appender, Long micros) throws SQLException {
    if (micros == null) {
      appender.appendNull();
    } else {
      Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
      appender.append(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }
  }




  static String sql(String id, Map<String, String> literals) {
    return SqlParameters.withLiterals(SqlFiles.get(id).sql(), literals);
  }

  /**
   * Records rejects of one file read, whose SHA-256 is {@code sourceSha256}; thread-safe. With a null SHA-256 (a file
   * that could not be read) the manifest's is filled in by path when the run is written.
   */
  public synchronized void addRejects(List<Reject> rejects, String sourceSha256) throws SQLException {
    for (Reject reject : rejects) {
      rejectAppender.beginRow()
          .append(runId)
          .append(reject.sourceFile());
      if (sourceSha256 == null) {
        rejectAppender.appendNull();
      } else {
        rejectAppender.append(sourceSha256);
      }
      appendLong(rejectAppender, reject.sourceRecord() < 0 ? null : reject.sourceRecord());
      appendLong(rejectAppender, reject.byteOffset() < 0 ? null : reject.byteOffset());
      rejectAppender.append(reject.reasonCode()).append(reject.reason()).endRow();
    }
  }

  /**
   * Records the manifest row of one file of the run, as it is read; thread-safe. A file that handed events on counts
   * them all as stored: {@link #deduplicateAndWrite(Supplier, long)} corrects the rows of files that lost any.
   */
  public synchronized void addSource(SourceEntry entry) throws SQLException {
    sourceAppender.beginRow()
        .append(runId)
        .append(entry.inputRoot())
        .append(entry.sourceFile())
        .append(entry.sizeBytes())
        .append(entry.sha256())
        .append(entry.decompressedBytes())
        .append(entry.compression())
        .append(entry.shape())
        .append(entry.status())
        .append(entry.recordsRead())
        .append(entry.stored())
        .append(entry.duplicates())
        .append(entry.rejected());
    appendTimestamp(sourceAppender, entry.firstEventMicros());
    appendTimestamp(sourceAppender, entry.lastEventMicros());
    sourceAppender.append(entry.detail()).endRow();
  }

  /** Makes the manifest rows appended so far visible to the run's queries. */
  private synchronized void flushSources() throws SQLException {
    sourceAppender.flush();
  }

  /**
   * The files of the run whose bytes were read (a SHA-256 known), by relative path and content hash, of those whose
   * input root and relative path {@code copies} accepts.
   */
  public Set<FileKey> filesReadAmong(BiPredicate<String, String> copies) throws SQLException {
    flushSources();
    Set<FileKey> files = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql("store_run_file_copies", Map.of()))) {
      while (rows.next()) {
        if (copies.test(rows.getString(1), rows.getString(2))) {
          files.add(new FileKey(rows.getString(2), rows.getString(3)));
        }
      }
    }
    return files;
  }

  /** Records items of snapshot files (CLI outputs, AWS Config files); thread-safe. */
  public synchronized void addSnapshotItems(List<SnapshotItem> items) throws SQLException {
    for (SnapshotItem item : items) {
      snapshotAppender.beginRow().append(runId);
      for (SnapshotColumn column : SnapshotColumn.ALL.subList(1, SnapshotColumn.ALL.size())) {
        Object value = item.get(column);
        if (value == null) {
          snapshotAppender.appendNull();
        } else if (value instanceof Instant instant) {
          snapshotAppender.append(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
        } else if (value instanceof Long number) {
          snapshotAppender.append(number.longValue());
        } else if (value instanceof Boolean flag) {
          snapshotAppender.append(flag.booleanValue());
        } else {
          snapshotAppender.append(value.toString());
        }
      }
      snapshotAppender.endRow();
    }
  }

  private static void appendLong(DuckDBAppender appender, Long value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else {
      appender.append(value.longValue());
    }
  }


  @Override
  public void close() throws IOException {
    try {
      queue.fail();
      if (consumer != null) {
        consumer.interrupt();
      }
      try {
        lane.close();
      } catch (SQLException e) {
        // closing a staging database that is about to be deleted
      }
      try {
        rejectAppender.close();
        snapshotAppender.close();
        sourceAppender.close();
        rejectConnection.close();
        connection.close();
      } catch (SQLException e) {
        // closing a staging database that is about to be deleted
      }
      stream.close();
    } finally {
      FileTrees.deleteRecursively(staging);
    }
  }
}
