package io.trailsleuth.spark;

import static java.util.Objects.requireNonNull;

import io.trailsleuth.ingest.FileScope;
import java.util.List;

/**
 * What a Spark ingest reads and where it writes.
 *
 * @param inputs archive roots or files, any Hadoop path ({@code s3a://…}, {@code hdfs://…}, {@code file:…}, local)
 * @param store the case store, any Hadoop path
 * @param maxDecompressedBytes per-file limit on decompressed bytes, as for {@code ingest}
 * @param scope the files to read, judged from their names before any is opened
 */
public record SparkIngestOptions(List<String> inputs, String store, long maxDecompressedBytes, FileScope scope) {
  public SparkIngestOptions {
    inputs = List.copyOf(inputs);
    requireNonNull(store, "store is null");
    requireNonNull(scope, "scope is null");
  }
}
