package io.trailsleuth.pipeline;

import io.trailsleuth.ingest.DecodedContentHashes;
import io.trailsleuth.ingest.FileReadResult;
import io.trailsleuth.ingest.JsonSettings;
import io.trailsleuth.ingest.RootedPath;
import io.trailsleuth.ingest.SharedWalk;
import io.trailsleuth.ingest.SnapshotBuffer;
import io.trailsleuth.ingest.SourceFile;
import io.trailsleuth.ingest.SourceReader;
import io.trailsleuth.ingest.SourceSnapshot;
import io.trailsleuth.ingest.SourceWalker;
import io.trailsleuth.ingest.WalkAhead;
import io.trailsleuth.ingest.WalkProblem;
import io.trailsleuth.ingest.WalkedFiles;
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
import io.trailsleuth.store.StoreException;
import io.trailsleuth.store.StoreLayout;
import io.trailsleuth.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
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
    return run(layout, options, progress, WalkAhead.onRequest(options.inputs()));
  }

  /** Ingests as above, taking the walk of the inputs from {@code walkAhead} (see the last overload). */
  public static IngestSummary run(StoreLayout layout, IngestOptions options, IngestProgress progress,
      WalkAhead walkAhead) throws IOException, InterruptedException, SQLException {
    return run(layout, options, progress, Set::of, DecodedContentHashes.none(), new SharedWalk(), walkAhead);
  }

  /**
   * Ingests as above, keeping of each repeated event the copy in a {@code verifiedCopies} file (each named by its input
   * root and its path relative to it) when there is one; the supplier is asked only when the run repeats an event. When
   * {@code decodedHashes} is collecting, the parser threads also hash each file's decoded content into it, and it is
   * marked ended once parsing is over, before deduplication asks for {@code verifiedCopies}. The walk of the inputs
   * is handed to {@code sharedWalk} as soon as it is made, for a digest check beside the ingest.
   */
  public static IngestSummary run(StoreLayout layout, IngestOptions options, IngestProgress progress,
      Supplier<Set<RootedPath>> verifiedCopies, DecodedContentHashes decodedHashes, SharedWalk sharedWalk)
      throws IOException, InterruptedException, SQLException {
    return run(layout, options, progress, verifiedCopies, decodedHashes, sharedWalk,
        WalkAhead.onRequest(options.inputs()));
  }

  /**
   * Ingests as above, taking the walk of the inputs from {@code walkAhead}, which the caller began before it opened the
   * store; it must walk the inputs the options name.
   */
  public static IngestSummary run(StoreLayout layout, IngestOptions options, IngestProgress progress,
      Supplier<Set<RootedPath>> verifiedCopies, DecodedContentHashes decodedHashes, SharedWalk sharedWalk,
      WalkAhead walkAhead) throws IOException, InterruptedException, SQLException {
    try {
      if (!walkAhead.inputs().equals(options.inputs())) {
        throw new IllegalArgumentException("the walk is of " + walkAhead.inputs() + ", not of the inputs the options"
            + " name, " + options.inputs());
      }
      if (!layout.root().equals(options.store())) {
        throw new IllegalArgumentException("the store " + layout.root() + " is not the one the options name, "
            + options.store());
      }
      try (StoreLock lock = StoreLock.acquire(layout)) {
        CaseStore.removeAbandonedStaging(layout);
        return runLocked(options, layout, progress, verifiedCopies, decodedHashes, sharedWalk, walkAhead);
      }
    } finally {
      // a failed run must not leave the digest check waiting
      sharedWalk.ingestEnded();
      decodedHashes.parseEnded();
    }
  }

  private static IngestSummary runLocked(IngestOptions options, StoreLayout layout, IngestProgress progress,
      Supplier<Set<RootedPath>> verifiedCopies, DecodedContentHashes decodedHashes, SharedWalk sharedWalk,
      WalkAhead walkAhead) throws IOException, InterruptedException, SQLException {
    String runId = layout.nextRunId();
    BufferAllocator allocator = new RootAllocator();
    // the staging database opens (DuckDB, its tables, the stored events' ids: about 60 ms) while the inputs are walked;
    // a failure to open it fails the run as before, and a failed walk waits for it and closes it
    StagingOpening staging = StagingOpening.start(() -> RunWriter.begin(layout, runId, allocator, options.memoryLimit()));
    SourceWalker.Walk walk;
    KnownContents known;
    try {
      walk = walkAhead.get();
      sharedWalk.walked(walk);
      known = CaseStore.knownSourceHashes(layout);
    } catch (Throwable failure) {
      staging.abandon(failure);
      allocator.close();
      throw failure;
    }

    try (allocator; RunWriter writer = staging.writer()) {
      List<WalkProblem> walkProblems = walk.problems();
      Map<String, Long> rejectReasons = new TreeMap<>();
      SourceTotals.Tally tally = new SourceTotals.Tally();
      List<SourceEntry> unreadable = new ArrayList<>();
      writer.addRejects(walkProblems.stream()
          .map(p -> new Reject(p.relativePath(), 0, -1, p.reasonCode(), p.reason()))
          .toList(), null);
      for (WalkProblem problem : walkProblems) {
        SourceEntry entry = unreadableEntry(problem);
        writer.addSource(entry);
        tally.add(entry);
        unreadable.add(entry);
        rejectReasons.merge(problem.reasonCode(), 1L, Long::sum);
      }
      // the files left out by the scope go to the manifest at once: a scoped run may leave out most of a large archive
      List<SourceFile> walked = walk.files();
      int[] inScope = new int[walked.size()];
      int selected = 0;
      long totalBytes = 0;
      for (int position = 0; position < walked.size(); position++) {
        SourceFile file = walked.get(position);
        Optional<String> exclusion = file.isStandardInput() ? Optional.empty() : options.scope().exclusion(file.relativePath());
        if (exclusion.isPresent()) {
          SourceEntry entry = outOfScopeEntry(file.inputRoot(), file.relativePath(), file.sizeBytes(), exclusion.get());
          writer.addSource(entry);
          tally.add(entry);
          continue;
        }
        inScope[selected++] = position;
        totalBytes += file.sizeBytes();
      }
      int[] walkPositions = Arrays.copyOf(inScope, selected);
      walk = null;
      inScope = null;
      progress.started(walkPositions.length, totalBytes);
      writer.startConsuming(allocator);
      int unchanged;
      try {
        unchanged = parseAll(walked, walkPositions, known, options, writer, allocator, layout, progress, decodedHashes,
            rejectReasons, tally);
      } finally {
        decodedHashes.parseEnded();
      }
      walked = null;
      walkPositions = null;
      writer.finishProducing();
      progress.writing();
      long stored = writer.deduplicateAndWrite(() -> verifiedKeys(writer, verifiedCopies.get()), tally.handedOn());
      SourceTotals totals = tally.totals(stored);
      // files left out by the scope are listed in a run's manifest, but do not make a run of their own
      boolean anythingNew = totals.files() > totals.files("unreadable") + totals.files(OUT_OF_SCOPE)
          || !walkProblems.isEmpty();
      if (anythingNew) {
        writer.commit();
      }
      progress.finished();
      return new IngestSummary(anythingNew ? runId : "", totals, unreadable, unchanged, new TreeMap<>(rejectReasons),
          writer.conflictingCopies());
    }
  }

  /** The manifest entry of an input the walk could not read: one record, rejected. */
  public static SourceEntry unreadableEntry(WalkProblem problem) {
    return new SourceEntry(problem.inputRoot(), problem.relativePath(), 0, "", 0, "none", "unreadable", "unreadable", 1,
        0, 0, 1, null, null, problem.reason());
  }

  /** The manifest entry of a file the scope left out unread, and why ({@code exclusion}). */
  public static SourceEntry outOfScopeEntry(String inputRoot, String relativePath, long sizeBytes, String exclusion) {
    return new SourceEntry(inputRoot, relativePath, sizeBytes, "", 0, "none", NOT_READ_SHAPE, OUT_OF_SCOPE, 0, 0, 0, 0,
        null, null, "not read: " + exclusion);
  }

  /**
   * The run's files among the verified copies, by relative path and content hash: the stored events know no input
   * root, and two roots may hold different copies at one path.
   */
  private static Set<RunWriter.FileKey> verifiedKeys(RunWriter writer, Set<RootedPath> verifiedCopies) {
    try {
      return writer.filesReadAmong((inputRoot, relativePath) -> verifiedCopies.contains(new RootedPath(inputRoot, relativePath)));
    } catch (SQLException e) {
      throw new StoreException("cannot list the run's files: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the files on the parser threads, each file's manifest entry going to the run writer and {@code tally} as it
   * is read (its events counted as stored until deduplication), and adds the rejects per reason to
   * {@code rejectReasons}; returns the number of files not read again. The files are those of {@code walked} at
   * {@code walkPositions} (the files in scope); a file's position also names its decoded hash.
   */
  private static int parseAll(List<SourceFile> walked, int[] walkPositions, KnownContents known, IngestOptions options,
      RunWriter writer, BufferAllocator allocator, StoreLayout layout, IngestProgress progress,
      DecodedContentHashes decodedHashes,
      Map<String, Long> rejectReasons, SourceTotals.Tally tally) throws InterruptedException, IOException {
    ReadUnits units = ReadUnits.of(walkPositions.length, i -> walked.get(walkPositions[i]).relativePath(), () -> {
      IntFunction<String> paths = WalkedFiles.relativePathReader(walked);
      return i -> paths.apply(walkPositions[i]);
    });
    AtomicInteger next = new AtomicInteger();
    AtomicInteger unchanged = new AtomicInteger();
    int threads = Math.max(1, Math.min(options.threads(), units.count()));
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
              layout.staging(writer.runId()), decodedHashes, progress, tally)) {
            for (int u = next.getAndIncrement(); u < units.count(); u = next.getAndIncrement()) {
              Set<String> readInUnit = new HashSet<>();
              for (int i : units.files(u)) {
                if (!worker.process(walked.get(walkPositions[i]), walkPositions[i], known, readInUnit)) {
                  unchanged.incrementAndGet();
                }
              }
            }
            worker.flush();
            synchronized (rejectReasons) {
              worker.rejectReasons.forEach((code, count) -> rejectReasons.merge(code, count, Long::sum));
            }
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
    return unchanged.get();
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
    /** Rejected records per reason over every file this worker read. */
    private final Map<String, Long> rejectReasons = new TreeMap<>();
    private final IngestProgress progress;
    private final SourceTotals.Tally tally;
    /** The earliest and latest event time of the file being read, when {@link #timed}. */
    private long first;
    private long last;
    private boolean timed;
    /** The SHA-256 of the file being read, for its rejects: two input roots may hold different files at one path. */
    private String sha256;

    Worker(RunWriter writer, BufferAllocator allocator, long maxDecompressedBytes, Path scratch,
        DecodedContentHashes decodedHashes, IngestProgress progress, SourceTotals.Tally tally) {
      this.writer = writer;
      this.progress = progress;
      this.tally = tally;
      this.batch = new EventBatchBuilder(allocator, BATCH_ROWS);
      this.eventIds = writer.eventIds().recorder();
      // only a digest check beside the ingest pays for hashing the decoded content
      this.reader = decodedHashes.isCollecting()
          ? SourceReader.hashingDecodedContent(JsonSettings.mapper(), maxDecompressedBytes)
          : new SourceReader(JsonSettings.mapper(), maxDecompressedBytes);
      this.scratch = scratch;
      this.decodedHashes = decodedHashes;
    }

    /**
     * Reads one file, unless the store or an earlier file of its unit ({@code readInUnit}) has the same content (then
     * returns false), and writes its manifest entry, every event it handed on counted as stored (deduplication
     * corrects that). Nothing of the file stays on the heap: kept until the run's end, a few hundred bytes per file
     * ran out of heap at a few hundred thousand files. {@code walkPosition} is the file's position in the walk, which
     * names its decoded hash for the digest check.
     */
    boolean process(SourceFile file, int walkPosition, KnownContents known, Set<String> readInUnit)
        throws IOException, InterruptedException {
      Path path = file.isStandardInput() ? copyStandardInput() : file.path();
      // one read for hash and parse; a file that changes meanwhile or cannot be read is rejected whole
      try (SourceSnapshot snapshot = SourceSnapshot.take(path, file.relativePath(), scratch, snapshotBuffer)) {
        long size = snapshot.sizeBytes();
        String sha256 = snapshot.sha256();
        if (snapshot.usable() && (known.contains(sha256) || !readInUnit.add(sha256))) {
          progress.fileDone(size, 0);
          return false;
        }
        timed = false;
        this.sha256 = sha256.isEmpty() ? null : sha256;
        FileReadResult result = snapshot.read(reader, file.relativePath(), this);
        if (!result.decodedSha256().isEmpty() && !file.isStandardInput()) {
          decodedHashes.put(walkPosition, result.decodedSha256());
        }
        flushRejects();
        SourceEntry entry = new SourceEntry(file.inputRoot(), file.relativePath(), size, sha256,
            result.decompressedBytes(), result.compression(), result.shape().label(), result.manifestStatus(),
            result.recordsRead(), result.accepted(), 0, result.rejected(), timed ? first : null, timed ? last : null,
            result.detail());
        try {
          writer.addSource(entry);
        } catch (SQLException e) {
          throw new IOException("cannot record the manifest entry of " + file.relativePath() + ": " + e.getMessage(), e);
        }
        tally.add(entry);
        progress.fileDone(size, result.accepted());
        return true;
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
}
