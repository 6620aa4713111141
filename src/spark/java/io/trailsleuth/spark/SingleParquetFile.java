package io.trailsleuth.spark;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a small table as the one Parquet file the store names ({@code sources.parquet}, {@code focus-events.parquet},
 * …): Spark writes a directory of part files, so it writes one part into a scratch directory and renames it.
 */
final class SingleParquetFile {
  private SingleParquetFile() {}

  static void write(Dataset<Row> table, Path target, Path scratch, FileSystem fileSystem) throws IOException {
    table.coalesce(1).write().option("compression", "zstd").parquet(scratch.toString());
    Path part = null;
    for (FileStatus status : fileSystem.listStatus(scratch)) {
      String name = status.getPath().getName();
      if (name.startsWith("part-") && name.endsWith(".parquet")) {
        if (part != null) {
          throw new IOException("expected one Parquet part in " + scratch + ", found " + part.getName() + " and " + name);
        }
        part = status.getPath();
      }
    }
    if (part == null) {
      throw new IOException("Spark wrote no Parquet part into " + scratch);
    }
    if (!fileSystem.rename(part, target)) {
      throw new IOException("could not move " + part + " to " + target);
    }
    fileSystem.delete(scratch, true);
  }
}
