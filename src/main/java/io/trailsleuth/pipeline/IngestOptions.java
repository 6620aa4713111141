package io.trailsleuth.pipeline;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.ingest.FileScope;
import java.nio.file.Path;
import java.util.List;

/**
 * What to ingest and how.
 *
 * @param inputs paths as the user named them; "-" is standard input
 * @param store the case store directory
 * @param threads parser threads
 * @param maxDecompressedBytes per-file limit on decompressed bytes
 * @param memoryLimit DuckDB's memory limit for the staging database, e.g. "512MB"
 * @param scope which CloudTrail log files to read, by their names ({@link FileScope#EVERYTHING}: all)
 */
public record IngestOptions(List<String> inputs, Path store, int threads, long maxDecompressedBytes, String memoryLimit,
    FileScope scope) {
  /** 4 GiB: about 20 times the largest CloudTrail file we have seen. */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 4L << 30;
  /**
   * DuckDB's memory for the staging database: with the launcher's 256 MiB heap, a 5M-event ingest peaks near 1 GiB
   * RSS; 512 MB was no faster and added about 100 MB (bench/README.md).
   */
  public static final String DEFAULT_MEMORY_LIMIT = "384MB";

  public IngestOptions {
    inputs = List.copyOf(inputs);
    requireNonNull(store, "store is null");
    requireNonNull(memoryLimit, "memoryLimit is null");
    requireNonNull(scope, "scope is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /** Defaults: every file, one parser thread per core. */
  public static IngestOptions of(List<String> inputs, Path store) {
    return of(inputs, store, FileScope.EVERYTHING);
  }

  /** Defaults, with the files to read limited by {@code scope}. */
  public static IngestOptions of(List<String> inputs, Path store, FileScope scope) {
    return new IngestOptions(inputs, store, Runtime.getRuntime().availableProcessors(),
        DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MEMORY_LIMIT, scope);
  }
}
