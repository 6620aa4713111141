package io.trailsleuth.spark;

import io.trailsleuth.common.FileTrees;
import io.trailsleuth.ingest.FileReadResult;
import io.trailsleuth.ingest.JsonSettings;
import io.trailsleuth.ingest.SnapshotBuffer;
import io.trailsleuth.ingest.SourceReader;
import io.trailsleuth.ingest.SourceSnapshot;
import io.trailsleuth.model.EventColumn;
import io.trailsleuth.model.EventRow;
import io.trailsleuth.model.EventSink;
import io.trailsleuth.model.Reject;
import io.trailsleuth.model.SnapshotItem;
import io.trailsleuth.store.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Runs in the executors: reads whole files with the project's own {@link SourceSnapshot} (one read for hash and
 * parse) and {@link SourceReader} (shape detection, extraction, reject rules), and turns every event, reject and file
 * outcome into a {@link ParsedRows} row. A unit is the files that share one relative path, as {@code ingest} groups
 * them; files whose SHA-256 the store already holds, or an earlier copy in the unit has, are marked unchanged.
 */
public final class UnitParser implements FlatMapFunction<Iterator<List<ArchiveFile>>, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Set<String>> knownHashes;
  private final Map<String, String> hadoopSettings;
  private final long maxDecompressedBytes;

  public UnitParser(Broadcast<Set<String>> knownHashes, Map<String, String> hadoopSettings, long maxDecompressedBytes) {
    this.knownHashes = knownHashes;
    this.hadoopSettings = hadoopSettings;
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  @Override
  public Iterator<Row> call(Iterator<List<ArchiveFile>> units) throws IOException {
    Configuration configuration = new Configuration(false);
    hadoopSettings.forEach(configuration::set);
    java.nio.file.Path scratch = Files.createTempDirectory("trailsleuth-spark-");
    SourceReader reader = new SourceReader(JsonSettings.mapper(), maxDecompressedBytes);
    // one read array and digest for the partition's files, as each parser thread of the local ingest keeps
    SnapshotBuffer buffer = new SnapshotBuffer();
    Set<String> known = knownHashes.value();
    return new Iterator<>() {
      private Iterator<Row> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!units.hasNext()) {
            deleteQuietly(scratch);
            return false;
          }
          current = parseUnit(units.next(), known, reader, buffer, configuration, scratch).iterator();
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private static List<Row> parseUnit(List<ArchiveFile> unit, Set<String> known, SourceReader reader,
      SnapshotBuffer buffer, Configuration configuration, java.nio.file.Path scratch) {
    List<Row> rows = new ArrayList<>();
    Set<String> readInUnit = new HashSet<>();
    for (ArchiveFile file : unit) {
      java.nio.file.Path local;
      try {
        local = localCopy(file, configuration, scratch);
      } catch (IOException e) {
        RowSink sink = new RowSink(rows, "");
        FileReadResult result = SourceReader.rejectWhole(file.relativePath(), "unreadable", "cannot read "
            + file.location() + ": " + e.getClass().getSimpleName() + " " + e.getMessage()
            + "; check that it exists and that the job may read it, then ingest again", sink);
        rows.add(outcome(file, 0, "", result, sink));
        continue;
      }
      try (SourceSnapshot snapshot = SourceSnapshot.take(local, file.relativePath(), scratch, buffer)) {
        String sha256 = snapshot.sha256();
        if (snapshot.usable() && (known.contains(sha256) || !readInUnit.add(sha256))) {
          rows.add(ParsedRows.source(new SourceEntry(file.inputRoot(), file.relativePath(), snapshot.sizeBytes(), sha256,
              0, "none", ParsedRows.UNCHANGED, ParsedRows.UNCHANGED, 0, 0, 0, 0, null, null, "")));
          continue;
        }
        RowSink sink = new RowSink(rows, sha256);
        FileReadResult result = snapshot.read(reader, file.relativePath(), sink);
        rows.add(outcome(file, snapshot.sizeBytes(), sha256, result, sink));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("reading " + file.location() + " failed: " + e.getMessage(), e);
      } finally {
        if (!local.equals(localPath(file))) {
          deleteQuietly(local);
        }
      }
    }
    return rows;
  }

  private static Row outcome(ArchiveFile file, long sizeBytes, String sha256, FileReadResult result, RowSink sink) {
    return ParsedRows.source(new SourceEntry(file.inputRoot(), file.relativePath(), sizeBytes, sha256,
        result.decompressedBytes(), result.compression(), result.shape().label(), result.manifestStatus(),
        result.recordsRead(), result.accepted(), 0, result.rejected(), sink.first, sink.last, result.detail()));
  }

  /** The local path of a {@code file:} input, else null. */
  private static java.nio.file.Path localPath(ArchiveFile file) {
    Path path = new Path(file.location());
    return "file".equals(path.toUri().getScheme()) ? java.nio.file.Path.of(path.toUri()) : null;
  }

  /**
   * Where the snapshot reads the file from. A local file is read in place, with the same change detection as
   * {@code ingest}; any other filesystem's file is first copied to the executor's scratch directory.
   */
  private static java.nio.file.Path localCopy(ArchiveFile file, Configuration configuration, java.nio.file.Path scratch)
      throws IOException {
    java.nio.file.Path local = localPath(file);
    if (local != null) {
      return local;
    }
    Path path = new Path(file.location());
    java.nio.file.Path copy = Files.createTempFile(scratch, "remote-", ".input");
    try (InputStream in = path.getFileSystem(configuration).open(path)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(copy);
      throw e;
    }
    return copy;
  }

  private static void deleteQuietly(java.nio.file.Path path) {
    try {
      FileTrees.deleteRecursively(path);
    } catch (IOException e) {
      // a scratch file; the scratch directory is deleted when the partition is done
    }
  }

  /** Collects one file's events, rejects and snapshot items as rows, and its first and last event time. */
  private static final class RowSink implements EventSink {
    private final List<Row> rows;
    private final String sha256;
    private Long first;
    private Long last;

    RowSink(List<Row> rows, String sha256) {
      this.rows = rows;
      this.sha256 = sha256;
    }

    @Override
    public void accept(EventRow row) {
      long time = (Long) row.get(EventColumn.EVENT_TIME);
      first = first == null ? time : Math.min(first, time);
      last = last == null ? time : Math.max(last, time);
      rows.add(ParsedRows.event(row));
    }

    @Override
    public void reject(Reject reject) {
      rows.add(ParsedRows.reject(reject, sha256, null));
    }

    @Override
    public void snapshot(SnapshotItem item) {
      rows.add(ParsedRows.snapshot(item));
    }
  }
}
