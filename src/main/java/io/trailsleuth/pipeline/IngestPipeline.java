package io.trailsleuth.pipeline;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.FileReadResult;
import io.trailsleuth.ingest.JsonSettings;
import io.trailsleuth.ingest.RootedPath;
import io.trailsleuth.ingest.SnapshotBuffer;
import io.trailsleuth.ingest.SourceFile;
import io.trailsleuth.ingest.SourceReader;
import io.trailsleuth.ingest.SourceSnapshot;
import io.trailsleuth.ingest.SourceWalker;
import io.trailsleuth.ingest.WalkProblem;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotItem;
import io.trailsleuth.store.CaseStore;
import io.trailsleuth.store.EventBatchBuilder;
import io.trailsleuth.store.EventIdHashes;
import io.trailsleuth.store.KnownContents;
import io.trailsleuth.store.RunWriter;
import io.trailsleuth.store.SourceEntry;
import io.trailsleuth.store.StoreLayout;
import io.trailsleuth.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs an ingest end to end: walk the inputs, hash each file, skip files already in the store, parse
 * the rest on several threads into Arrow batches, deduplicate and write them as one store run.
 */
public final class IngestPipeline {
  private static final int BATCH_ROWS = 8192;
  /** The manifest status of a CloudTrail log file left out by the ingest's {@link io.trailsleuth.ingest.FileScope}. */
  public static final String OUT_OF_SCOPE = "out-of-scope";
  /** The manifest shape of a file that was not opened. */
  public static final String NOT_READ_SHAPE = "not-read";

  private IngestPipeline() {}

  /** Ingests into {@code options.store()}, created or opened here; returns the accounting. */
  public static IngestSummary run(IngestOptions options, IngestProgress progress)
      throws IOException, InterruptedException, SQLException {
    return run(CaseStore.createOrOpen(options.store()), options, progress);
  }

  /**
   * Ingests into a store the caller opened ({@link CaseStore#createOrOpen}, which reads its marker), the one
   * {@code options} names; returns the accounting. Holds the store lock for the whole run.
   */
  public static IngestSummary run(StoreLayout layout, IngestOptions options, IngestProgress progress)
      throws IOException, InterruptedException, SQLException {
    return run(layout, options, progress, Set::of, DecodedContentHashes.none());
  }

  /**
   * Ingests as above, keeping of each repeated event the copy in a {@code verifiedCopies} file (each named by its input
   * root and its path relative to it) when there is one; the supplier is asked only when the run repeats an event. When
   * {@code decodedHashes} is collecting, the parser threads also hash each file's decoded content into it, and it is
   * marked ended once parsing is over, before deduplication asks for {@code verifiedCopies}.
   */
  public static IngestSummary run(StoreLayout layout, IngestOptions options, IngestProgress progress,
      Supplier<Set<RootedPath>> verifiedCopies, DecodedContentHashes decodedHashes)
      throws IOException, InterruptedException, SQLException {
    try {
      if (!layout.root().equals(options.store())) {
        throw new IllegalArgumentException("the store " + layout.root() + " is not the one the options name, "
            + options.store());
      }
      try (StoreLock lock = StoreLock.acquire(layout)) {
        CaseStore.removeAbandonedStaging(layout);
        return runLocked(options, layout, progress, verifiedCopies, decodedHashes);
      }
    } finally {
      // a failed run must not leave the digest check waiting
      decodedHashes.parseEnded();
    }
  }

  private static IngestSummary runLocked(IngestOptions options, StoreLayout layout, IngestProgress progress,
      Supplier<Set<RootedPath>> verifiedCopies, DecodedContentHashes decodedHashes)
      throws IOException, InterruptedException, SQLException {
    String runId = layout.nextRunId();
    BufferAllocator allocator = new RootAllocator();
    // the staging database opens (DuckDB, its tables, the stored events' ids: about 60 ms) while the inputs are walked;
    // a failure to open it fails the run as before, and a failed walk waits for it and closes it
    StagingOpening staging = StagingOpening.start(() -> RunWriter.begin(layout, runId, allocator, options.memoryLimit()));
    SourceWalker.Walk walk;
    KnownContents known;
    List<SourceEntry> entries = new ArrayList<>();
    Map<String, Long> rejectReasons = new TreeMap<>();
    List<SourceFile> files = new ArrayList<>();
    try {
      walk = SourceWalker.walk(options.inputs());
      known = CaseStore.knownSourceHashes(layout);
      for (WalkProblem problem : walk.problems()) {
        entries.add(new SourceEntry(problem.inputRoot(), problem.relativePath(), 0, "", 0, "none", "unreadable",
            "unreadable", 1, 0, 0, 1, null, null, problem.reason()));
        rejectReasons.merge(problem.reasonCode(), 1L, Long::sum);
      }
      long totalBytes = 0;
      for (SourceFile file : walk.files()) {
        Optional<String> exclusion = file.isStandardInput() ? Optional.empty() : options.scope().exclusion(file.relativePath());
        if (exclusion.isPresent()) {
          entries.add(new SourceEntry(file.inputRoot(), file.relativePath(), file.sizeBytes(), "", 0, "none",
              NOT_READ_SHAPE, OUT_OF_SCOPE, 0, 0, 0, 0, null, null, "not read: " + exclusion.get()));
          continue;
        }
        files.add(file);
        totalBytes += file.sizeBytes();
      }
      progress.started(files.size(), totalBytes);
    } catch (Throwable failure) {
      staging.abandon(failure);
      allocator.close();
      throw failure;
    }

    try (allocator; RunWriter writer = staging.writer()) {
      writer.addRejects(walk.problems().stream()
          .map(p -> new Reject(p.relativePath(), 0, -1, p.reasonCode(), p.reason()))
          .toList(), null);
      writer.startConsuming(allocator);
      List<FileOutcome> outcomes;
      try {
        outcomes = parseAll(files, known, options, writer, allocator, layout, progress, decodedHashes);
      } finally {
        decodedHashes.parseEnded();
      }
      writer.finishProducing();
      progress.writing();
      List<FileOutcome> parsed = outcomes;
      Map<RunWriter.FileKey, Long> stored = writer.deduplicateAndWrite(() -> verifiedKeys(verifiedCopies.get(), parsed),
          parsedPerFile(outcomes));
      int unchanged = 0;
      for (FileOutcome outcome : outcomes) {
        if (outcome.unchanged()) {
          unchanged++;
          continue;
        }
        entries.add(outcome.toEntry(stored.getOrDefault(outcome.key(), 0L)));
        outcome.rejectReasons().forEach((code, count) -> rejectReasons.merge(code, count, Long::sum));
      }
      entries.sort(Comparator.comparing(SourceEntry::inputRoot).thenComparing(SourceEntry::sourceFile));
      // files left out by the scope are listed in a run's manifest, but do not make a run of their own
      boolean anythingNew = entries.stream().anyMatch(e -> !e.status().equals("unreadable") && !e.status().equals(OUT_OF_SCOPE))
          || !walk.problems().isEmpty();
      if (anythingNew) {
        writer.commit(entries);
      }
      progress.finished();
      return new IngestSummary(anythingNew ? runId : "", entries, unchanged, new TreeMap<>(rejectReasons),
          writer.conflictingCopies());
    }
  }

  /** The events each file read in this run handed to the batches, by relative path and content hash. */
  private static Map<RunWriter.FileKey, Long> parsedPerFile(List<FileOutcome> outcomes) {
    Map<RunWriter.FileKey, Long> parsed = new HashMap<>();
    for (FileOutcome outcome : outcomes) {
      if (!outcome.unchanged()) {
        parsed.merge(outcome.key(), outcome.result().accepted(), Long::sum);
      }
    }
    return parsed;
  }

  /**
   * The run's files among the verified copies, by relative path and content hash: the stored events know no input
   * root, and two roots may hold different copies at one path.
   */
  private static Set<RunWriter.FileKey> verifiedKeys(Set<RootedPath> verifiedCopies, List<FileOutcome> outcomes) {
    Set<RunWriter.FileKey> keys = new HashSet<>();
    for (FileOutcome outcome : outcomes) {
      if (!outcome.sha256().isEmpty() && verifiedCopies.contains(RootedPath.of(outcome.file()))) {
        keys.add(outcome.key());
      }
    }
    return keys;
  }

  private static List<FileOutcome> parseAll(List<SourceFile> files, KnownContents known, IngestOptions options,
      RunWriter writer, BufferAllocator allocator, StoreLayout layout, IngestProgress progress,
      DecodedContentHashes decodedHashes) throws InterruptedException, IOException {
    List<int[]> units = unitsByRelativePath(files);
    AtomicInteger next = new AtomicInteger();
    FileOutcome[] outcomes = new FileOutcome[files.size()];
    int threads = Math.max(1, Math.min(options.threads(), units.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "trailsleuth-parser");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          try (Worker worker = new Worker(writer, allocator, options.maxDecompressedBytes(),
              layout.staging(writer.runId()), decodedHashes)) {
            for (int u = next.getAndIncrement(); u < units.size(); u = next.getAndIncrement()) {
              Set<String> readInUnit = new HashSet<>();
              for (int i : units.get(u)) {
                outcomes[i] = worker.process(files.get(i), known, readInUnit);
                progress.fileDone(outcomes[i].sizeBytes(), outcomes[i].result() == null ? 0 : outcomes[i].result().accepted());
              }
            }
            worker.flush();
          }
          return null;
        }));
      }
      for (Future<Void> future : futures) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          writer.queue().fail();
          writer.throwIfWriterFailed();
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IOException(cause);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return List.of(outcomes);
  }

  /**
   * Groups the files by relative path, in walk order: files that share one (the same archive under two roots) are
   * read by one worker in walk order, so a byte-identical copy is recognised as such, the first copy in walk order is
   * the one stored, and no two stored records ever share a (source_file, source_sha256, source_record) key.
   */
  private static List<int[]> unitsByRelativePath(List<SourceFile> files) {
    Map<String, List<Integer>> byPath = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      byPath.computeIfAbsent(files.get(i).relativePath(), p -> new ArrayList<>()).add(i);
    }
    return byPath.values().stream().map(indices -> indices.stream().mapToInt(Integer::intValue).toArray()).toList();
  }

  /** One parser thread: its reader, its Arrow batch and its pending rejects. */
  private static final class Worker implements EventSink, AutoCloseable {
    private final RunWriter writer;
    private final EventBatchBuilder batch;
    private final EventIdHashes.Recorder eventIds;
    private final SourceReader reader;
    /** Holds each file's bytes and hashes them: one array and one digest for all of this worker's files. */
    private final SnapshotBuffer snapshotBuffer = new SnapshotBuffer();
    private final Path scratch;
    private final DecodedContentHashes decodedHashes;
    private final List<Reject> rejects = new ArrayList<>();
    private final List<SnapshotItem> snapshotItems = new ArrayList<>();
    private final Map<String, Long> rejectReasons = new TreeMap<>();
    /** The earliest and latest event time of the file being read, when {@link #timed}. */
    private long first;
    private long last;
    private boolean timed;
    /** The SHA-256 of the file being read, for its rejects: two input roots may hold different files at one path. */
    private String sha256;

    Worker(RunWriter writer, BufferAllocator allocator, long maxDecompressedBytes, Path scratch,
        DecodedContentHashes decodedHashes) {
      this.writer = writer;
      this.batch = new EventBatchBuilder(allocator, BATCH_ROWS);
      this.eventIds = writer.eventIds().recorder();
      // only a digest check beside the ingest pays for hashing the decoded content
      this.reader = decodedHashes.isCollecting()
          ? SourceReader.hashingDecodedContent(JsonSettings.mapper(), maxDecompressedBytes)
          : new SourceReader(JsonSettings.mapper(), maxDecompressedBytes);
      this.scratch = scratch;
      this.decodedHashes = decodedHashes;
    }

    /** Reads one file, unless the store or an earlier file of its unit ({@code readInUnit}) has the same content. */
    FileOutcome process(SourceFile file, KnownContents known, Set<String> readInUnit)
        throws IOException, InterruptedException {
      Path path = file.isStandardInput() ? copyStandardInput() : file.path();
      // one read for hash and parse; a file that changes meanwhile or cannot be read is rejected whole
      try (SourceSnapshot snapshot = SourceSnapshot.take(path, file.relativePath(), scratch, snapshotBuffer)) {
        long size = snapshot.sizeBytes();
        String sha256 = snapshot.sha256();
        if (snapshot.usable() && (known.contains(sha256) || !readInUnit.add(sha256))) {
          return new FileOutcome(file, size, sha256, null, Map.of(), 0, 0, false, true);
        }
        timed = false;
        this.sha256 = sha256.isEmpty() ? null : sha256;
        rejectReasons.clear();
        FileReadResult result = snapshot.read(reader, file.relativePath(), this);
        if (!result.decodedSha256().isEmpty() && !file.isStandardInput()) {
          decodedHashes.put(file, result.decodedSha256());
        }
        flushRejects();
        // most files reject nothing: no map of their own (one per file outlived the parse, 48 bytes each)
        return new FileOutcome(file, size, sha256, result,
            rejectReasons.isEmpty() ? Map.of() : new TreeMap<>(rejectReasons), first, last, timed, false);
      }
    }

    private Path copyStandardInput() throws IOException {
      Path copy = scratch.resolve("stdin.input");
      Files.copy(System.in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    }

    @Override
    public void accept(EventRow row) {
      long time = (Long) row.get(EventColumn.EVENT_TIME);
      first = timed ? Math.min(first, time) : time;
      last = timed ? Math.max(last, time) : time;
      timed = true;
      eventIds.add(row);
      if (batch.append(row)) {
        try {
          writer.queue().put(batch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while handing a batch to the writer", e);
        }
      }
    }

    @Override
    public void reject(Reject reject) {
      rejects.add(reject);
      rejectReasons.merge(reject.reasonCode(), 1L, Long::sum);
    }

    @Override
    public void snapshot(SnapshotItem item) {
      snapshotItems.add(item);
    }

    private void flushRejects() throws IOException {
      try {
        if (!rejects.isEmpty()) {
          writer.addRejects(rejects, sha256);
        }
        if (!snapshotItems.isEmpty()) {
          writer.addSnapshotItems(snapshotItems);
        }
      } catch (SQLException e) {
        throw new IOException("cannot record rejects or snapshot items: " + e.getMessage(), e);
      }
      rejects.clear();
      snapshotItems.clear();
    }

    void flush() throws InterruptedException, IOException {
      eventIds.finish();
      writer.queue().put(batch);
      flushRejects();
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  /** What happened to one file before deduplication. */
  private record FileOutcome(SourceFile file, long sizeBytes, String sha256, FileReadResult result,
      Map<String, Long> rejectReasons, long firstMicros, long lastMicros, boolean timed, boolean unchanged) {
    /** The file's events in the run writer: its relative path and content hash (the stored events know no input root). */
    RunWriter.FileKey key() {
      return new RunWriter.FileKey(file.relativePath(), sha256);
    }

    SourceEntry toEntry(long stored) {
      String status = result.manifestStatus();
      long duplicates = result.accepted() - stored;
      return new SourceEntry(file.inputRoot(), file.relativePath(), sizeBytes, sha256, result.decompressedBytes(),
          result.compression(), result.shape().label(), status, result.recordsRead(), stored, duplicates,
          result.rejected(), timed ? firstMicros : null, timed ? lastMicros : null, result.detail());
    }
  }
}
